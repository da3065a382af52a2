import type { StageEvent } from '#shared/schema/index';
import { getDb } from '@/db/database';
import { appendStageEvent, eraseCandidate, upsertRecord } from '@/db/writes';
import { signIn, signOut } from '@/sync/account';
import { isSyncing } from '@/sync/engine';
import { checkHealth } from '@/sync/health';
import { runSync, scheduleSync } from '@/sync/scheduler';
import { readStatus } from '@/sync/status';
import type { CORE_MESSAGES } from './core';
import { registerHandlers } from './router';

/** The background's own requests: health, status, sync, sign-in and sign-out, local writes. */
export function registerCoreHandlers(): void {
  registerHandlers<keyof typeof CORE_MESSAGES>({
    health: () => checkHealth(),
    getStatus: () => readStatus(getDb(), isSyncing()),
    syncNow: () => runSync(true),
    localChange: () => {
      scheduleSync();
      return true;
    },
    signIn: async (r) => {
      const result = await signIn(getDb(), r.serverUrl, r.token, undefined, r.force);
      if (!result.ok && 'pending' in result) return { signedIn: false, pending: result.pending, previous: result.previous, message: result.error };
      if (!result.ok) throw new Error(result.error);
      scheduleSync(0);
      const { me } = result.session;
      return { signedIn: true, user: me.user, organisation: me.organisation, tokenExpiresAt: me.tokenExpiresAt };
    },
    signOut: (r) => signOut(getDb(), r.force),
    upsert: (r) => upsertRecord(r.table, r.id, r.fields as never),
    appendStageEvent: (r) => appendStageEvent(r.event as StageEvent),
    eraseCandidate: (r) => eraseCandidate(r.applicationId),
    discardRefused: async (r) => {
      await getDb().refused.delete(r.localId);
      return true as const;
    },
    dismissConflict: async (r) => {
      await getDb().conflicts.delete(r.id);
      return true as const;
    },
  });
}
