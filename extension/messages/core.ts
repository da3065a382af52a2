import * as z from 'zod/mini';
import { SYNC_TABLE_NAMES, type RecordOf, type StageEvent, type SyncTable, type UserRole } from '#shared/schema/index';
import type { SignOutResult } from '@/sync/account';
import type { SyncResult } from '@/sync/engine';
import type { SyncStatus } from '@/sync/status';
import { PAGES, PAGES_AND_CONTENT_SCRIPTS, PAGES_AND_OVERLAY_FRAME, reply } from './spec';

/** `signIn`'s answer: signed in, or another account's unsynced changes need a confirmation (`force`). */
export type SignInReply =
  | { signedIn: true; user: { id: string; name: string; role: UserRole }; organisation: { id: string; name: string }; tokenExpiresAt: string }
  | { signedIn: false; pending: number; previous: string; message: string };

export interface HealthReply {
  ok: boolean;
  serverUrl: string;
  version?: string;
  error?: string;
}

/** Go ahead although another account's unsynced changes (or this browser's) will be deleted. */
const force = z._default(z.boolean(), false);

/**
 * A sign-in from the options page: a server address (named as its form names it), one
 * credential for it, and `force`; answered like every sign-in.
 */
function signInWith<T extends string, C extends z.core.$ZodShape>(type: T, serverLabel: string, credential: C) {
  return {
    request: z.object({
      type: z.literal(type),
      serverUrl: z.url({ protocol: /^https?$/, error: `${serverLabel} must start with http:// or https://` }),
      ...credential,
      force,
    }),
    senders: PAGES,
    reply: reply<SignInReply>(),
  };
}

/** The background's own messages: health, sync status, sync, sign-in and sign-out, local writes. */
export const CORE_MESSAGES = {
  health: { request: z.object({ type: z.literal('health') }), senders: PAGES, reply: reply<HealthReply>() },
  /** The overlay's "saved, will sync" note (in its frame) reads this too. */
  getStatus: { request: z.object({ type: z.literal('getStatus') }), senders: PAGES_AND_OVERLAY_FRAME, reply: reply<SyncStatus>() },
  syncNow: { request: z.object({ type: z.literal('syncNow') }), senders: PAGES, reply: reply<SyncResult>() },
  /** A page wrote to the database (or the browser came back online): sync soon. The overlay frame writes too (track, capture, move). */
  localChange: { request: z.object({ type: z.literal('localChange') }), senders: PAGES_AND_OVERLAY_FRAME, reply: reply<true>() },
  signIn: signInWith('signIn', 'Server URL', {
    token: z.string().check(
      z.trim(),
      z.minLength(8, { error: 'The access token looks too short: copy it whole' }),
      z.maxLength(300, { error: 'The access token is too long: copy the token alone' }),
    ),
  }),
  /** Options page: a code typed from the invitation email, exchanged once for this browser's token. */
  redeemInvitation: signInWith('redeemInvitation', 'Server address', {
    code: z.string().check(
      z.trim(),
      z.minLength(1, { error: 'Enter the code from the invitation email' }),
      z.maxLength(40, { error: 'an invitation code is 12 letters and digits, like K7QM-2XHD-9RTB' }),
    ),
  }),
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
  signOut: { request: z.object({ type: z.literal('signOut'), force }), senders: PAGES, reply: reply<SignOutResult>() },
  discardRefused: { request: z.object({ type: z.literal('discardRefused'), localId: z.int() }), senders: PAGES, reply: reply<true>() },
  /** A person has seen a conflict (an edit that lost): it leaves the list. */
  dismissConflict: { request: z.object({ type: z.literal('dismissConflict'), id: z.string().check(z.minLength(1), z.maxLength(300)) }), senders: PAGES, reply: reply<true>() },
  /**
   * Generic local writes by message (the e2e suite drives sync through them). Never for content
   * scripts: a tampered page could otherwise write any record; the overlay has its own narrow messages.
   */
  upsert: {
    request: z.object({ type: z.literal('upsert'), table: z.enum(SYNC_TABLE_NAMES as [SyncTable, ...SyncTable[]]), id: z.uuid(), fields: z.record(z.string(), z.unknown()) }),
    senders: PAGES,
    reply: reply<RecordOf<SyncTable>>(),
  },
  appendStageEvent: { request: z.object({ type: z.literal('appendStageEvent'), event: z.record(z.string(), z.unknown()) }), senders: PAGES, reply: reply<StageEvent>() },
  eraseCandidate: { request: z.object({ type: z.literal('eraseCandidate'), applicationId: z.uuid() }), senders: PAGES, reply: reply<void>() },
};
