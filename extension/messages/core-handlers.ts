import { getDb } from '@/db/database';
import { redeemInvitation } from '@/sync/account';
import { invitationFromSender } from '@/sync/invite-link';
import { isSyncing } from '@/sync/engine';
import { runSync, scheduleSync } from '@/sync/scheduler';
import { readStatus } from '@/sync/status';
import type { CORE_MESSAGES } from './core';
import { registerHandlers } from './router';
import { signInReply } from './sign-in-reply';

/** The background's own requests: status, sync, the invitation page's sign-in (core.ts). */
export function registerCoreHandlers(): void {
  registerHandlers<keyof typeof CORE_MESSAGES>({
    getStatus: () => readStatus(getDb(), isSyncing()),
    syncNow: () => runSync(true),
    localChange: () => {
      scheduleSync();
      return true;
    },
    redeemInvitationLink: async (r, sender) => {
      const link = await invitationFromSender(sender);
      return signInReply(await redeemInvitation(getDb(), link.serverUrl, link.code, undefined, r.force), () => scheduleSync(0));
    },
  });
}
