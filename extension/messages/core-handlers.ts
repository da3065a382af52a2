import type { StageEvent } from '#shared/schema/index';
import { getDb } from '@/db/database';
import { appendStageEvent, eraseCandidate, upsertRecord } from '@/db/writes';
import { signIn, signOut } from '@/sync/account';
import { isSyncing } from '@/sync/engine';
import { checkHealth } from '@/sync/health';
import { runSync, scheduleSync } from '@/sync/scheduler';
import { readStatus } from '@/sync/status';
import { CORE_REQUESTS as R } from './protocol';
import { registerHandler } from './router';

/** The background's own requests: health, status, sync, sign-in and sign-out. */
export function registerCoreHandlers(): void {
  registerHandler('health', R.health, () => checkHealth());
  registerHandler('getStatus', R.getStatus, () => readStatus(getDb(), isSyncing()), { fromContentScripts: true });
  registerHandler('syncNow', R.syncNow, () => runSync());
  registerHandler('localChange', R.localChange, () => {
    scheduleSync();
    return true;
  });
  registerHandler('signIn', R.signIn, async (r) => {
    const result = await signIn(getDb(), r.serverUrl, r.token);
    if (!result.ok) throw new Error(result.error);
    scheduleSync(0);
    return { user: result.session.me.user, organisation: result.session.me.organisation, tokenExpiresAt: result.session.me.tokenExpiresAt };
  });
  registerHandler('signOut', R.signOut, (r) => signOut(getDb(), r.force));
  registerHandler('upsert', R.upsert, (r) => upsertRecord(r.table, r.id, r.fields as never), { fromContentScripts: true });
  registerHandler('appendStageEvent', R.appendStageEvent, (r) => appendStageEvent(r.event as StageEvent), { fromContentScripts: true });
  registerHandler('eraseCandidate', R.eraseCandidate, (r) => eraseCandidate(r.applicationId));
  registerHandler('discardRefused', R.discardRefused, async (r) => {
    await getDb().refused.delete(r.localId);
    return true;
  });
}
