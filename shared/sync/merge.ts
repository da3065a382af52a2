import { parseHlc } from '../hlc';
import { CRITICAL_FIELDS, type Conflict, type SyncTable } from '../schema/index';
import { ERASABLE, erasedFieldsOf, isErasable } from './erasure';
import { cloneRow, newRow, type SyncRow } from './rows';

/**
 * Field-level last-writer-wins on one row. Rules:
 * - a field is overwritten only when the incoming clock is newer than the field's clock, so
 *   replays and reordering change nothing (equal clocks: same write, nothing to do);
 * - a deleted record stays deleted: later upserts are ignored, whatever their clocks
 *   (to restore, create a new record); a delete of an unknown id leaves a tombstone so
 *   that a create arriving later is ignored too;
 * - an erased application or staff record keeps its personal fields null and `erased: true`
 *   forever; other fields still merge;
 * - stage events are append-only: the first write of an id wins, later ones are ignored.
 * Conflicts (CRITICAL_FIELDS only, different values from different clients):
 * - the incoming value loses to a newer one: the incoming value is kept as the loser;
 * - the incoming value wins over a value that reached the server after the incoming edit
 *   was made (its writer could not have seen it): the overwritten value is kept as the loser.
 */
export interface MergeResult {
  state: SyncRow;
  /** Fields that took the incoming value (empty: nothing changed). */
  applied: Record<string, unknown>;
  changed: boolean;
  conflicts: Omit<Conflict, 'table' | 'recordId'>[];
}

/** The fields an erasure of a record of `table` nulls in that record (none: the table holds no erasable person). */
const erasedOwnFields = (table: SyncTable): readonly string[] => (isErasable(table) ? erasedFieldsOf(ERASABLE[table], table) : []);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const unchanged = (state: SyncRow): MergeResult => ({ state, applied: {}, changed: false, conflicts: [] });

export function mergeUpsert(
  table: SyncTable,
  appendOnly: boolean,
  current: SyncRow | null,
  recordId: string,
  fields: Record<string, unknown>,
  hlc: string,
  nowMs: number,
  nowIso: string,
): MergeResult {
  if (current && (current.deleted || appendOnly)) return unchanged(current);
  const state = current ? cloneRow(current) : newRow(recordId, nowIso);
  const critical = new Set(CRITICAL_FIELDS[table] ?? []);
  const applied: Record<string, unknown> = {};
  const conflicts: MergeResult['conflicts'] = [];
  const incoming = parseHlc(hlc);
  const personal = new Set(state.erased ? erasedOwnFields(table) : []);
  for (const [field, value] of Object.entries(fields)) {
    if (state.erased && (personal.has(field) || field === 'erased')) continue;
    const clock = state.clocks[field];
    if (clock === hlc) continue;
    const old = state.data[field];
    if (clock === undefined || hlc > clock) {
      if (critical.has(field) && clock !== undefined && !same(old, value)) {
        const arrived = state.arrivals[field] ?? 0;
        if (parseHlc(clock).node !== incoming.node && incoming.wall < arrived) {
          conflicts.push({ field, losingValue: old ?? null, winningValue: value ?? null, losingHlc: clock, winningHlc: hlc });
        }
      }
      state.data[field] = value;
      state.clocks[field] = hlc;
      if (critical.has(field)) state.arrivals[field] = nowMs;
      applied[field] = value;
    } else if (critical.has(field) && !same(old, value) && parseHlc(clock).node !== incoming.node) {
      conflicts.push({ field, losingValue: value ?? null, winningValue: old ?? null, losingHlc: hlc, winningHlc: clock });
    }
  }
  return { state, applied, changed: Object.keys(applied).length > 0 || !current, conflicts };
}

export function mergeDelete(current: SyncRow | null, recordId: string, hlc: string, nowIso: string): MergeResult {
  if (current?.deleted) return unchanged(current);
  const state = current ? cloneRow(current) : newRow(recordId, nowIso);
  state.deleted = true;
  state.clocks._deleted = hlc;
  return { state, applied: {}, changed: true, conflicts: [] };
}

/** Personal fields of an application or staff record to null, `erased: true`; idempotent. */
export function mergeErase(table: SyncTable, current: SyncRow | null, recordId: string, hlc: string, nowIso: string): MergeResult {
  const state = current ? cloneRow(current) : newRow(recordId, nowIso);
  const fields = erasedOwnFields(table);
  const already = state.erased && fields.every((f) => state.data[f] == null) && state.data.erased === true;
  if (already) return unchanged(current!);
  for (const f of fields) {
    if (f in state.data) state.data[f] = null;
  }
  state.data.erased = true;
  state.erased = true;
  state.clocks.erased = hlc;
  return { state, applied: {}, changed: true, conflicts: [] };
}
