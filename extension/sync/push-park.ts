import type { OutboxEntry, ShortlistDb } from '@/db/database';
import { META, readMeta } from '@/db/meta';
import { rebuildLocal } from '@/db/rebuild';

export interface Parked {
  entry: OutboxEntry;
  code: string;
  message: string;
}

/** A sign-out (or another account's sign-in) empties the database mid-push: what is there now is not this push's. */
export async function sameInstall(db: ShortlistDb, client: string): Promise<void> {
  if ((await readMeta(db, META.clientId, null)) !== client) throw new Error('the local data was emptied (signed out) during the push; stopped');
}

/**
 * Moves outbox entries the server will not take to `refused`, for a person to see and discard,
 * and undoes them here: their records go back to the server's view plus the changes still pending.
 */
export async function park(db: ShortlistDb, client: string, parked: Parked[]): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction('rw', db.tables, async () => {
    await sameInstall(db, client);
    for (const p of parked) {
      await db.refused.add({ mutation: p.entry.mutation, code: p.code, message: p.message, refusedAt: now });
      await db.outbox.delete(p.entry.localId!);
    }
    for (const p of parked) await rebuildLocal(db, p.entry.mutation.table, p.entry.mutation.recordId);
  });
}
