import { DEFAULT_PULL_LIMIT, PERSONAL_FIELDS, SYNC_TABLES, type Change, type ConflictRecord, type PullResponse, type SyncTable } from '#shared/schema/index';
import type { ShortlistDb } from '@/db/database';
import { clientId, META, readMeta, writeMeta } from '@/db/meta';
import { eraseLocally } from '@/db/writes';
import { callApi, type Endpoint, type Fetch } from './api';
import { storeConflicts } from './conflicts';

const isSyncTable = (t: string): t is SyncTable => t in SYNC_TABLES;

/** The server's record with this client's unacknowledged edits put back on top (so they never flicker away). */
async function rebase(db: ShortlistDb, table: SyncTable, record: Record<string, unknown>): Promise<Record<string, unknown>> {
  const pending = await db.outbox
    .filter((e) => e.mutation.table === table && e.mutation.recordId === record.id && e.mutation.op === 'upsert')
    .sortBy('localId');
  let merged = record;
  for (const e of pending) {
    const fields = { ...e.mutation.fields };
    if (record.erased) for (const f of PERSONAL_FIELDS) delete fields[f];
    merged = { ...merged, ...fields };
  }
  return merged;
}

async function applyChange(db: ShortlistDb, change: Change): Promise<void> {
  if (change.table === 'conflicts') {
    if (change.deleted || !change.record) await db.conflicts.delete(change.recordId);
    else await storeConflicts(db, [change.record as unknown as ConflictRecord]);
    return;
  }
  // A table this version does not know yet (a newer server): skip it, the cursor still moves on.
  if (!isSyncTable(change.table)) return;
  const table = db.table(change.table);
  if (change.deleted || !change.record) {
    await table.delete(change.recordId);
    return;
  }
  const pendingDelete = await db.outbox
    .filter((e) => e.mutation.table === change.table && e.mutation.recordId === change.recordId && e.mutation.op === 'delete')
    .count();
  if (pendingDelete) return;
  // Erased stays erased: a candidate erased here (the erasure maybe not on the server yet) keeps no personal data.
  const erasedHere = change.table === 'applications' && (await db.applications.get(change.recordId))?.erased === true;
  await table.put((await rebase(db, change.table, change.record)) as never);
  if (change.table === 'applications' && (change.record.erased || erasedHere)) await eraseLocally(db, change.recordId);
  if ((change.table === 'stage_events' || change.table === 'checks') && change.record.note != null) {
    if ((await db.applications.get(String(change.record.applicationId)))?.erased) await table.update(change.recordId, { note: null });
  }
}

/** Pulls every change after the cursor, page by page; each page and its cursor are applied in one transaction. */
export async function pullChanges(db: ShortlistDb, endpoint: Endpoint, fetchImpl?: Fetch, limit = DEFAULT_PULL_LIMIT): Promise<{ pulled: number }> {
  let pulled = 0;
  // A sign-out or another account's sign-in empties the database meanwhile (its client id goes).
  const owner = await clientId(db);
  for (;;) {
    const cursor = await readMeta(db, META.cursor, 0);
    const page = await callApi<PullResponse>(endpoint, `/v1/sync/pull?cursor=${cursor}&limit=${limit}`, {}, fetchImpl);
    const wiped = await db.transaction('rw', db.tables, async () => {
      if ((await readMeta(db, META.clientId, null)) !== owner) return true;
      // Another pull may have moved the cursor meanwhile; never apply a page twice or go back.
      if ((await readMeta(db, META.cursor, 0)) !== cursor) return false;
      for (const change of page.changes) await applyChange(db, change);
      await writeMeta(db, META.cursor, Math.max(cursor, page.cursor));
      return false;
    });
    if (wiped) throw new Error('the local data was emptied (signed out) during the pull; nothing more was stored');
    pulled += page.changes.length;
    if (!page.hasMore || page.changes.length === 0) return { pulled };
  }
}
