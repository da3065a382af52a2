import { DEFAULT_PULL_LIMIT, SYNC_TABLES, type Change, type ConflictRecord, type PullResponse, type SyncTable } from '#shared/schema/index';
import type { ShortlistDb } from '@/db/database';
import { clientId, META, readMeta, writeMeta } from '@/db/meta';
import { rebuildLocal } from '@/db/rebuild';
import { scrubDeletedExtras } from '@/db/scrub';
import { putView } from '@/db/server-views';
import { clearNotificationsOf } from '@/badge/clear';
import { ApiError, callApi, type Endpoint, type Fetch } from './api';
import { storeConflicts } from './conflicts';

const isSyncTable = (t: string): t is SyncTable => t in SYNC_TABLES;

async function applyChange(db: ShortlistDb, change: Change): Promise<void> {
  if (change.table === 'conflicts') {
    if (change.deleted || !change.record) await db.conflicts.delete(change.recordId);
    else await storeConflicts(db, [change.record as unknown as ConflictRecord]);
    return;
  }
  // A table this version does not know yet (a newer server): skip it, the cursor still moves on.
  if (!isSyncTable(change.table)) return;
  if (change.deleted || !change.record) {
    await db.server_views.delete([change.table, change.recordId]);
    await db.table(change.table).delete(change.recordId);
    await scrubDeletedExtras(db, change.table, change.recordId);
    return;
  }
  // The server's record, then this client's unacknowledged edits back on top (so they never flicker away).
  await putView(db, change.table, change.recordId, change.record);
  await rebuildLocal(db, change.table, change.recordId);
}

/**
 * 409 `cursor_ahead`: the cursor is beyond the server's log (this profile restored, or the server
 * reset), so every page after it would be empty for ever; 409 `cursor_below_floor`: the server
 * compacted its change log past this browser's cursor (idle for long). Either way start again
 * from 0: pulled records overwrite the server views, and pending local changes stay in the
 * outbox on top. Once per pull.
 */
async function restartFromZero(db: ShortlistDb, owner: string, cursor: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if ((await readMeta(db, META.clientId, null)) !== owner) return;
    if ((await readMeta(db, META.cursor, 0)) === cursor) await writeMeta(db, META.cursor, 0);
  });
}

const mustRestart = (err: unknown) =>
  err instanceof ApiError && err.status === 409 && (err.code === 'cursor_ahead' || err.code === 'cursor_below_floor');

/** Pulls every change after the cursor, page by page; each page and its cursor are applied in one transaction. */
export async function pullChanges(db: ShortlistDb, endpoint: Endpoint, fetchImpl?: Fetch, limit = DEFAULT_PULL_LIMIT): Promise<{ pulled: number }> {
  let pulled = 0;
  let restarted = false;
  // A sign-out or another account's sign-in empties the database meanwhile (its client id goes).
  const owner = await clientId(db);
  for (;;) {
    const cursor = await readMeta(db, META.cursor, 0);
    let page: PullResponse;
    try {
      page = await callApi<PullResponse>(endpoint, `/v1/sync/pull?cursor=${cursor}&limit=${limit}`, {}, fetchImpl);
    } catch (err) {
      if (restarted || cursor === 0 || !mustRestart(err)) throw err;
      restarted = true;
      await restartFromZero(db, owner, cursor);
      continue;
    }
    const wiped = await db.transaction('rw', db.tables, async () => {
      if ((await readMeta(db, META.clientId, null)) !== owner) return true;
      // Another pull may have moved the cursor meanwhile; never apply a page twice or go back.
      if ((await readMeta(db, META.cursor, 0)) !== cursor) return false;
      for (const change of page.changes) await applyChange(db, change);
      await writeMeta(db, META.cursor, Math.max(cursor, page.cursor));
      return false;
    });
    if (wiped) throw new Error('the local data was emptied (signed out) during the pull; nothing more was stored');
    // Notifications named the candidates erased or deleted in this page: take them back too.
    await clearNotificationsOf(page.changes.filter((c) => c.table === 'applications' && (c.deleted || c.record?.erased)).map((c) => c.recordId));
    pulled += page.changes.length;
    if (!page.hasMore || page.changes.length === 0) return { pulled };
  }
}
