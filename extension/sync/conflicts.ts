import type { Conflict, ConflictRecord } from '#shared/schema/index';
import type { ShortlistDb } from '@/db/database';

/** Losing values of critical fields, kept where a person can see and settle them. */
export async function storeConflicts(db: ShortlistDb, conflicts: Array<Conflict | ConflictRecord>): Promise<void> {
  if (!conflicts.length) return;
  const now = new Date().toISOString();
  await db.conflicts.bulkPut(
    conflicts.map((c) => ({
      ...c,
      id: 'id' in c && c.id ? c.id : `${c.table}:${c.recordId}:${c.field}:${c.losingHlc}`,
      at: 'at' in c && c.at ? c.at : now,
    })),
  );
}
