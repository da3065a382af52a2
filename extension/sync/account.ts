import { browser } from '#imports';
import { redeemInvitationRequest, type RedeemInvitationResponse } from '#shared/api/invitations';
import type { MeResponse } from '#shared/schema/index';
import type { ShortlistDb } from '@/db/database';
import { clearAllNotificationsAndBadge } from '@/badge/clear';
import { localItem } from '@/db/local-item';
import { META, writeMeta } from '@/db/meta';
import { ApiError, callApi, type Fetch } from './api';
import { serverUrlProblem } from './secure-url';
import { serverUrlItem } from './server';
import { getSession, sessionItem, type Session } from './session';

/** Empties every table: records, personal data, outbox and sync state. */
export async function wipeLocalData(db: ShortlistDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}

export interface WipeNotice {
  message: string;
  at: string;
}

/**
 * What the last local wipe removed and why, for the options page to say until the next sign-in.
 * Outside IndexedDB (which the wipe empties whole) and free of personal data: plain words only.
 */
export const wipeNoticeItem = localItem<WipeNotice | null>('wipeNotice', null);

/** Local wipe: every table (the session with it), the notifications shown and the badge; then the notice. */
async function wipeBrowser(db: ShortlistDb, message: string): Promise<void> {
  await wipeLocalData(db);
  await sessionItem.setValue(null, db);
  await clearAllNotificationsAndBadge();
  await wipeNoticeItem.setValue({ message, at: new Date().toISOString() });
}

/** The server's answers that mean this browser's access is over for good (an expired token is not: its owner signs in again). */
const ACCESS_ENDED = new Set(['token_revoked', 'user_inactive']);

/**
 * After a sync refused the token (401): asks /v1/me why, and when the token was revoked or the
 * user deactivated, wipes the council's data from this browser, unsynced changes included (they
 * can no longer reach the server under this account). Returns whether it wiped.
 */
export async function wipeIfAccessEnded(db: ShortlistDb, fetchImpl?: Fetch): Promise<boolean> {
  const session = await getSession(db);
  if (!session) return false;
  try {
    await callApi<MeResponse>(session, '/v1/me', {}, fetchImpl);
    return false;
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 401 && ACCESS_ENDED.has(err.code))) return false;
    const lost = await db.outbox.count();
    const why = err.code === 'token_revoked' ? 'Your access token was revoked' : 'Your account was deactivated';
    await wipeBrowser(
      db,
      `${why}, so Shortlist removed the council's candidates, notes, notifications and badge from this browser${lost ? ` (${lost} unsynced change${lost === 1 ? ' was' : 's were'} discarded)` : ''}. Ask your admin for a new token to sign in again.`,
    );
    return true;
  }
}

export type SignInResult =
  | { ok: true; session: Session }
  | { ok: false; error: string }
  /** Another account's changes have not reached the server: signing in here would delete them. */
  | { ok: false; error: string; pending: number; previous: string };

/**
 * Checks the server and token against /v1/me. A different user, organisation or server than
 * the last one starts from an empty database: one install's data belongs to one user of one council.
 * The same account signing in again (a new token after a 401) keeps everything, outbox included.
 * Unsynced changes of another account are never wiped silently: that needs `force`.
 */
export async function signIn(db: ShortlistDb, serverUrl: string, token: string, fetchImpl?: Fetch, force = false): Promise<SignInResult> {
  const base = serverUrl.trim().replace(/\/+$/, '');
  const insecure = serverUrlProblem(base);
  if (insecure) return { ok: false, error: insecure };
  let me: MeResponse;
  try {
    me = await callApi<MeResponse>({ serverUrl: base, token: token.trim() }, '/v1/me', {}, fetchImpl);
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  const previous = await getSession(db);
  const sameOwner = previous && previous.serverUrl === base && previous.me.user.id === me.user.id && previous.me.organisation.id === me.organisation.id;
  if (!sameOwner) {
    const pending = await db.outbox.count();
    if (previous && pending > 0 && !force) {
      const who = `${previous.me.user.name} (${previous.me.organisation.name})`;
      return { ok: false, pending, previous: who, error: `${pending} change${pending === 1 ? '' : 's'} by ${who} have not reached the server; signing in as ${me.user.name} would delete them.` };
    }
    await wipeLocalData(db);
  }
  const session: Session = { serverUrl: base, token: token.trim(), me, signedInAt: new Date().toISOString() };
  // A refused token's error goes with it, and so does the back-off; the next sync says how it went with the new one.
  await writeMeta(db, META.lastError, null);
  await writeMeta(db, META.syncBackoff, null);
  await wipeNoticeItem.setValue(null);
  await serverUrlItem.setValue(base);
  // The session last: a sync the background starts meanwhile (its alarm) sees the new account
  // only once the rest is written, and nothing written here undoes what that sync records.
  await sessionItem.setValue(session, db);
  return { ok: true, session };
}

export type SignOutResult =
  | { ok: true; /** The server revoked the token (or had already). */ revoked: boolean; message?: string }
  | { ok: false; pending: number };

/**
 * Signs out: the server revokes the token (POST /v1/me/sign-out), so a copy of it is worth
 * nothing, and every candidate's data leaves this browser. Unsynced changes need `force`.
 * Offline, the local sign-out still happens and the result says the token could not be revoked.
 */
export async function signOut(db: ShortlistDb, force: boolean, fetchImpl?: Fetch): Promise<SignOutResult> {
  const pending = await db.outbox.count();
  if (pending > 0 && !force) return { ok: false, pending };
  const session = await getSession(db);
  let revoked = true;
  let message: string | undefined;
  if (session) {
    try {
      await callApi(session, '/v1/me/sign-out', { method: 'POST' }, fetchImpl);
    } catch (err) {
      // 401: the server no longer accepts the token anyway (revoked, expired, user deactivated).
      revoked = err instanceof ApiError && err.status === 401;
      if (!revoked) message = `Signed out of this browser, but the server could not be told (${(err as Error).message}): ask your admin to revoke the token.`;
    }
  }
  await wipeBrowser(db, "Signed out: Shortlist removed the council's candidates, notes, notifications and badge from this browser.");
  return message ? { ok: true, revoked, message } : { ok: true, revoked };
}

/**
 * Signs in with an invitation code: the server exchanges it, once, for this browser's token
 * (POST /v1/invitations/redeem), so no long-lived secret passes through email or the clipboard.
 * The code is spent by the exchange, so another account's unsynced changes are asked about
 * before it (`force`), not after.
 */
export async function redeemInvitation(db: ShortlistDb, serverUrl: string, typedCode: string, fetchImpl: Fetch = fetch, force = false): Promise<SignInResult> {
  const base = serverUrl.trim().replace(/\/+$/, '');
  const insecure = serverUrlProblem(base);
  if (insecure) return { ok: false, error: insecure };
  const parsed = redeemInvitationRequest.safeParse({ code: typedCode });
  if (!parsed.success) return { ok: false, error: `That is not an invitation code: ${parsed.error.issues[0]?.message ?? 'check it against the email'}` };
  const previous = await getSession(db);
  const pending = await db.outbox.count();
  if (previous && pending > 0 && !force) {
    const who = `${previous.me.user.name} (${previous.me.organisation.name})`;
    return { ok: false, pending, previous: who, error: `${pending} change${pending === 1 ? '' : 's'} by ${who} have not reached the server; signing in with an invitation for someone else would delete them.` };
  }
  let res: Response;
  try {
    res = await fetchImpl(`${base}/v1/invitations/redeem`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(parsed.data),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (err) {
    return { ok: false, error: `Cannot reach ${base}: ${(err as Error).message}` };
  }
  const body = (await res.json().catch(() => null)) as RedeemInvitationResponse | { error?: { message?: string } } | null;
  if (!res.ok || !body || !('token' in body)) {
    const message = (body as { error?: { message?: string } } | null)?.error?.message ?? `The server answered ${res.status}`;
    return { ok: false, error: message };
  }
  return signIn(db, base, body.token, fetchImpl, true);
}

/**
 * Reads /v1/me again after a sync, so the council's settings and name an admin changed (and
 * the person's own role) reach this browser on its next sync, not only at sign-in.
 */
export async function refreshAccount(db: ShortlistDb, fetchImpl?: Fetch): Promise<void> {
  const session = await getSession(db);
  if (!session) return;
  const me = await callApi<MeResponse>(session, '/v1/me', {}, fetchImpl);
  if (me.user.id !== session.me.user.id || me.organisation.id !== session.me.organisation.id) return;
  if (JSON.stringify(me) === JSON.stringify(session.me)) return;
  // Only `me` changes: a sign-out or another sign-in meanwhile is not undone.
  const current = await getSession(db);
  if (current && current.token === session.token) await sessionItem.setValue({ ...current, me }, db);
}
