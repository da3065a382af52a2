import type { StageEvent } from '#shared/schema/index';
import { getDb } from '@/db/database';
import { appendStageEvent, eraseCandidate, upsertRecord } from '@/db/writes';
import { redeemInvitation, signIn, signOut, type SignInResult } from '@/sync/account';
import { invitationFromSender } from '@/sync/invite-link';
import { isSyncing } from '@/sync/engine';
import { checkHealth } from '@/sync/health';
import { runSync, scheduleSync } from '@/sync/scheduler';
import { readStatus } from '@/sync/status';
import type { CORE_MESSAGES, SignInReply } from './core';
import { registerHandlers } from './router';

/** A sign-in's answer for the page; a refused one throws, so the page shows the server's words. */
function signInReply(result: SignInResult): SignInReply {
  if (!result.ok && 'pending' in result) return { signedIn: false, pending: result.pending, previous: result.previous, message: result.error };
  if (!result.ok) throw new Error(result.error);
  scheduleSync(0);
  const { me } = result.session;
  return { signedIn: true, user: me.user, organisation: me.organisation, tokenExpiresAt: me.tokenExpiresAt };
}

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
    signIn: async (r) => signInReply(await signIn(getDb(), r.serverUrl, r.token, undefined, r.force)),
    redeemInvitation: async (r) => signInReply(await redeemInvitation(getDb(), r.serverUrl, r.code, undefined, r.force)),
    redeemInvitationLink: async (r, sender) => {
      const link = await invitationFromSender(sender);
      return signInReply(await redeemInvitation(getDb(), link.serverUrl, link.code, undefined, r.force));
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
