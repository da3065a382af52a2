import type { RecordOf, SyncTable } from '#shared/schema/index';
import type { ShortlistDb } from '@/db/database';

/**
 * Every record of each named table, for a page's live query. All reads begin before the first
 * await: a liveQuery observes only the reads it sees begin inside its own context.
 */
export async function readTables<T extends SyncTable>(db: ShortlistDb, tables: readonly T[]): Promise<{ [K in T]: RecordOf<K>[] }> {
  const rows = await Promise.all(tables.map((table) => db.table(table).toArray()));
  return Object.fromEntries(tables.map((table, i) => [table, rows[i]])) as { [K in T]: RecordOf<K>[] };
}
