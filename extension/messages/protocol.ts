import { z } from 'zod';
import { SYNC_TABLE_NAMES, type SyncTable } from '#shared/schema/index';

/** Messages any part of the extension may send to the background. Feature folders register more with `registerHandler`. */
export const CORE_REQUESTS = {
  health: z.object({ type: z.literal('health') }),
  getStatus: z.object({ type: z.literal('getStatus') }),
  syncNow: z.object({ type: z.literal('syncNow') }),
  localChange: z.object({ type: z.literal('localChange') }),
  signIn: z.object({
    type: z.literal('signIn'),
    serverUrl: z.url({ protocol: /^https?$/, error: 'Server URL must start with http:// or https://' }),
    token: z.string().trim().min(8, { error: 'The access token looks too short: copy it whole' }).max(300),
    /** Sign in even though another account's unsynced changes will be deleted. */
    force: z.boolean().default(false),
  }),
  signOut: z.object({ type: z.literal('signOut'), force: z.boolean().default(false) }),
  discardRefused: z.object({ type: z.literal('discardRefused'), localId: z.int() }),
  /** A person has seen a conflict (an edit that lost): it leaves the list. */
  dismissConflict: z.object({ type: z.literal('dismissConflict'), id: z.string().min(1).max(300) }),
  /** Local writes from content scripts (they cannot open the database themselves). */
  upsert: z.object({ type: z.literal('upsert'), table: z.enum(SYNC_TABLE_NAMES as [SyncTable, ...SyncTable[]]), id: z.uuid(), fields: z.record(z.string(), z.unknown()) }),
  appendStageEvent: z.object({ type: z.literal('appendStageEvent'), event: z.record(z.string(), z.unknown()) }),
  eraseCandidate: z.object({ type: z.literal('eraseCandidate'), applicationId: z.uuid() }),
};
export type CoreRequest = z.infer<(typeof CORE_REQUESTS)[keyof typeof CORE_REQUESTS]>;
/** Kept for callers that only ask for health. */
export type Request = CoreRequest;

/** `signIn`'s answer: signed in, or another account's unsynced changes need a confirmation (`force`). */
export type SignInReply =
  | { signedIn: true; user: { id: string; name: string; role: string }; organisation: { id: string; name: string }; tokenExpiresAt: string }
  | { signedIn: false; pending: number; previous: string; message: string };

export interface HealthReply {
  ok: boolean;
  serverUrl: string;
  version?: string;
  error?: string;
}

/** Every reply: the data, or an error a person can read. Nothing throws across the boundary. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string; issues?: string[] };
