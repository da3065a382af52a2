import type { SyncTable } from '../schema/index';

/**
 * A synced record with what merging needs besides its data: the clock of every field, when
 * each critical field's value reached the server, and the tombstone and erasure flags.
 * The worker stores exactly this in D1 (worker/src/db/records.ts); the unit tests' fake keeps
 * it in memory.
 */
export interface SyncRow {
  id: string;
  data: Record<string, unknown>;
  clocks: Record<string, string>;
  /** Server time (ms) at which the current value of a critical field arrived. */
  arrivals: Record<string, number>;
  deleted: boolean;
  erased: boolean;
  createdAt: string;
}

/** The rows a push decision may read: stored rows, or the push's own rows as they stand. */
export interface RowLookup {
  /** The row, or null when there is none. */
  get(table: SyncTable, id: string): SyncRow | null;
  /**
   * Rows of a table the caller holds. The worker holds those it read for this push (it reads
   * every row a decision needs first); the fake holds the whole table.
   */
  all(table: SyncTable): SyncRow[];
}

export function newRow(id: string, nowIso: string): SyncRow {
  return { id, data: { id }, clocks: {}, arrivals: {}, deleted: false, erased: false, createdAt: nowIso };
}

export const cloneRow = (s: SyncRow): SyncRow => ({ ...s, data: { ...s.data }, clocks: { ...s.clocks }, arrivals: { ...s.arrivals } });
