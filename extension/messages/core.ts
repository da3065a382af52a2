import * as z from 'zod/mini';
import type { UserRole } from '#shared/schema/index';
import type { SyncResult } from '@/sync/engine';
import type { SyncStatus } from '@/sync/status';
import { PAGES, PAGES_AND_CONTENT_SCRIPTS, PAGES_AND_OVERLAY_FRAME, reply } from './spec';

/** `signIn`'s answer: signed in, or another account's unsynced changes need a confirmation (`force`). */
export type SignInReply =
  | { signedIn: true; user: { id: string; name: string; role: UserRole }; organisation: { id: string; name: string }; tokenExpiresAt: string }
  | { signedIn: false; pending: number; previous: string; message: string };

/** Go ahead although another account's unsynced changes (or this browser's) will be deleted. */
export const force = z._default(z.boolean(), false);

/**
 * The background's own messages: sync status, sync, the invitation page's sign-in. What our pages
 * can do themselves they do without the background: sign-in, sign-out and the server's health
 * (page-requests.ts), refused changes and conflicts, and every record they write (db/writes.ts
 * in the page, then `localChange`), so the service worker carries none of it (issue 15).
 */
export const CORE_MESSAGES = {
  /** The overlay's "saved, will sync" note (in its frame) reads this too. */
  getStatus: { request: z.object({ type: z.literal('getStatus') }), senders: PAGES_AND_OVERLAY_FRAME, reply: reply<SyncStatus>() },
  syncNow: { request: z.object({ type: z.literal('syncNow') }), senders: PAGES, reply: reply<SyncResult>() },
  /** A page wrote to the database (or the browser came back online): sync soon. The overlay frame writes too (track, capture, move). */
  localChange: { request: z.object({ type: z.literal('localChange') }), senders: PAGES_AND_OVERLAY_FRAME, reply: reply<true>() },
  /**
   * The invitation page's "Sign in to Shortlist" button, after a trusted click. It carries no
   * code: the background reads it from the tab's own URL, and only on the Shortlist server's
   * /invite/ page (extension/sync/invite-link.ts).
   */
  redeemInvitationLink: {
    request: z.object({ type: z.literal('redeemInvitationLink'), force }),
    senders: PAGES_AND_CONTENT_SCRIPTS,
    reply: reply<SignInReply>(),
  },
};
