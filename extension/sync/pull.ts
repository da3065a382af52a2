import { CANDIDATE_CHILD_TABLES, DEFAULT_PULL_LIMIT, SYNC_TABLES, type Change, type ConflictRecord, type PullResponse, type SyncTable } from '#shared/schema/index';
import type { ShortlistDb } from '@/db/database';
import { clientId, META, readMeta, writeMeta } from '@/db/meta';
import { eraseStaffLocally } from '@/db/erase-staff';
import { rebuildLocal } from '@/db/rebuild';
import { scrubCandidateExtras, scrubDeletedExtras, scrubFieldsExtras } from '@/db/scrub';
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
    // A deleted member of staff is scrubbed like an erased one: the words about them leave their records' pending and refused edits too.
    if (change.table === 'staff') await eraseStaffLocally(db, change.recordId);
    await db.server_views.delete([change.table, change.recordId]);
    await db.table(change.table).delete(change.recordId);
    await scrubDeletedExtras(db, change.table, change.recordId);
    // A deleted candidate is scrubbed like an erased one: their events' and checks' notes leave refused edits too.
    if (change.table === 'applications') {
      for (const t of CANDIDATE_CHILD_TABLES) {
        for (const id of await db.table(t).where('applicationId').equals(change.recordId).primaryKeys()) await scrubDeletedExtras(db, t, String(id));
      }
    }
    return;
  }
  // The server's record, then this client's unacknowledged edits back on top (so they never flicker away).
  await putView(db, change.table, change.recordId, change.record);
  await rebuildLocal(db, change.table, change.recordId);
  // Outside this user's scope (need-to-know): the copy above replaced the whole one; the
  // candidate's personal data leaves refused edits and conflicts too, and of any other record
  // the fields the server withheld (those the redacted copy carries null).
  if (change.record.redacted === true) {
    if (change.table === 'applications') await scrubCandidateOf(db, change.recordId);
    else await scrubFieldsExtras(db, change.table, change.recordId, withheld(change.record));
  }
  // A member of staff erased: their records here, pending and refused edits lose the words about them too.
  if (change.table === 'staff' && change.record.erased === true) await eraseStaffLocally(db, change.recordId);
}

/** The fields a redacted copy lacks: the server sends them null (shared/sync/scope.ts). */
const withheld = (record: Record<string, unknown>) => Object.keys(record).filter((f) => record[f] === null);

/** The candidate's personal data leaves refused edits and conflicts of the application and of its events and checks. */
async function scrubCandidateOf(db: ShortlistDb, applicationId: string): Promise<void> {
  const children = new Set([
    ...(await db.stage_events.where('applicationId').equals(applicationId).primaryKeys()),
    ...(await db.checks.where('applicationId').equals(applicationId).primaryKeys()),
  ]);
  await scrubCandidateExtras(db, applicationId, children);
}

/**
 * 409 `cursor_ahead`: the cursor is beyond the server's log (this profile restored, or the server
 * reset), so every page after it would be empty for ever; 409 `cursor_below_floor`: the server
 * compacted its change log past this browser's cursor (idle for long). Either way start again
 * from 0: pulled records overwrite the server views, and pending local changes stay in the
 * outbox on top. 409 `scope_changed`: what this user may see changed (need-to-know: a new rota
 * week, a slot or team change); the pull from 0 brings every record again as this user may now
 * see it, and each replaces the copy here. Once per pull.
 */
async function restartFromZero(db: ShortlistDb, owner: string, cursor: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if ((await readMeta(db, META.clientId, null)) !== owner) return;
    if ((await readMeta(db, META.cursor, 0)) === cursor) await writeMeta(db, META.cursor, 0);
  });
}

const RESTART_CODES = ['cursor_ahead', 'cursor_below_floor', 'scope_changed'];
const mustRestart = (err: unknown) => err instanceof ApiError && err.status === 409 && RESTART_CODES.includes(err.code);

/** Pulls every change after the cursor, page by page; each page and its cursor are applied in one transaction. */
export async function pullChanges(db: ShortlistDb, endpoint: Endpoint, fetchImpl?: Fetch, limit = DEFAULT_PULL_LIMIT): Promise<{ pulled: number }> {
  let pulled = 0;
  let restarted = false;
  // A sign-out or another account's sign-in empties the database meanwhile (its client id goes).
  const owner = await clientId(db);
  for (;;) {
    const cursor = await readMeta(db, META.cursor, 0);
    const scope = await readMeta<string | null>(db, META.pullScope, null);
    const scopeParam = scope === null ? '' : `&scope=${encodeURIComponent(scope)}`;
    let page: PullResponse;
    try {
      page = await callApi<PullResponse>(endpoint, `/v1/sync/pull?cursor=${cursor}&limit=${limit}${scopeParam}`, {}, fetchImpl);
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
      if (page.scope !== undefined) await writeMeta(db, META.pullScope, page.scope);
      return false;
    });
    if (wiped) throw new Error('the local data was emptied (signed out) during the pull; nothing more was stored');
    // Notifications named the candidates erased, deleted or now outside this user's scope in this page: take them back too.
    const gone = (c: Change) => c.table === 'applications' && (c.deleted || c.record?.erased === true || c.record?.redacted === true);
    await clearNotificationsOf(page.changes.filter(gone).map((c) => c.recordId));
    pulled += page.changes.length;
    if (!page.hasMore || page.changes.length === 0) return { pulled };
  }
}
