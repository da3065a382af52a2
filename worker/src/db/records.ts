import { SYNC_TABLE_NAMES, type SyncTable } from '#shared/schema/index';
import type { SyncRow } from '#shared/sync/rows';
import { chunks } from './chunk';
import { decodeClocks } from './clocks';

/** A synced record as read from D1 (the name auth/permissions.ts reads rows by). */
export type RowState = SyncRow;

export interface RecordRow {
  id: string;
  data: string;
  /** JSON: field -> HLC, or the one HLC of every field (./clocks.ts). */
  clocks: string;
  arrivals: string;
  deleted: number;
  erased: number;
  server_seq: number;
  created_at: string;
}

export const isSyncTable = (t: string): t is SyncTable => (SYNC_TABLE_NAMES as string[]).includes(t);

/** Table names are interpolated into SQL only after this check. */
export function tableSql(t: string): SyncTable {
  if (!isSyncTable(t)) throw new Error(`not a synced table: ${t}`);
  return t;
}

export const RECORD_COLUMNS = 'id, data, clocks, arrivals, deleted, erased, server_seq, created_at';

export function toSyncRow(r: RecordRow): SyncRow {
  const data = JSON.parse(r.data);
  return {
    id: r.id,
    data,
    clocks: decodeClocks(JSON.parse(r.clocks), data),
    arrivals: JSON.parse(r.arrivals),
    deleted: !!r.deleted,
    erased: !!r.erased,
    createdAt: r.created_at,
  };
}

/** Reads rows of one table by id, 500 ids per statement (one JSON parameter each). */
export function selectByIds(db: D1Database, orgId: string, table: SyncTable, ids: string[]): D1PreparedStatement[] {
  const t = tableSql(table);
  return chunks(ids, 500).map((part) =>
    db.prepare(`SELECT ${RECORD_COLUMNS} FROM ${t} WHERE org_id = ?1 AND id IN (SELECT value FROM json_each(?2))`).bind(orgId, JSON.stringify(part)),
  );
}

/** The record a client sees: the JSON data, or null for a tombstone. */
export function publicRecord(data: string | null, deleted: number | boolean): Record<string, unknown> | null {
  if (deleted || data == null) return null;
  return JSON.parse(data);
}
