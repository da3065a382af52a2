import type { StageEvent } from '#shared/schema/index';
import { getDb } from '@/db/database';
import { appendStageEvent, eraseCandidate, upsertRecord } from '@/db/writes';
import { signIn, signOut } from '@/sync/account';
import { isSyncing } from '@/sync/engine';
import { checkHealth } from '@/sync/health';
import { runSync, scheduleSync } from '@/sync/scheduler';
import { readStatus } from '@/sync/status';
import { CORE_REQUESTS as R, type SignInReply } from './protocol';
import { registerHandler } from './router';

/** The background's own requests: health, status, sync, sign-in and sign-out. */
export function registerCoreHandlers(): void {
  registerHandler('health', R.health, () => checkHealth());
  registerHandler('getStatus', R.getStatus, () => readStatus(getDb(), isSyncing()), { fromContentScripts: true });
  registerHandler('syncNow', R.syncNow, () => runSync(true));
  registerHandler('localChange', R.localChange, () => {
    scheduleSync();
    return true;
  });
  registerHandler('signIn', R.signIn, async (r): Promise<SignInReply> => {
    const result = await signIn(getDb(), r.serverUrl, r.token, undefined, r.force);
    if (!result.ok && 'pending' in result) return { signedIn: false, pending: result.pending, previous: result.previous, message: result.error };
    if (!result.ok) throw new Error(result.error);
    scheduleSync(0);
    const { me } = result.session;
    return { signedIn: true, user: me.user, organisation: me.organisation, tokenExpiresAt: me.tokenExpiresAt };
  });
  registerHandler('signOut', R.signOut, (r) => signOut(getDb(), r.force));
  registerHandler('upsert', R.upsert, (r) => upsertRecord(r.table, r.id, r.fields as never), { fromContentScripts: true });
  registerHandler('appendStageEvent', R.appendStageEvent, (r) => appendStageEvent(r.event as StageEvent), { fromContentScripts: true });
  registerHandler('eraseCandidate', R.eraseCandidate, (r) => eraseCandidate(r.applicationId));
  registerHandler('discardRefused', R.discardRefused, async (r) => {
    await getDb().refused.delete(r.localId);
    return true;
  });
  registerHandler('dismissConflict', R.dismissConflict, async (r) => {
    await getDb().conflicts.delete(r.id);
    return true;
  });
}
