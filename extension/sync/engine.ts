import type { ShortlistDb } from '@/db/database';
import { META, writeMeta } from '@/db/meta';
import type { PeopleResponse } from '#shared/api/responses';
import { refreshAccount } from './account';
import { ApiError, callApi, NetworkError, type Fetch } from './api';
import { pullChanges } from './pull';
import { pushOutbox } from './push';
import { getSession } from './session';
import type { SyncError } from './status';

export interface SyncResult {
  ok: boolean;
  pushed: number;
  pulled: number;
  error?: SyncError;
}

/** Plain words for a failure; the outbox is kept in every case. */
export function describeFailure(err: unknown): SyncError {
  const at = new Date().toISOString();
  if (err instanceof NetworkError) return { kind: 'offline', message: `Offline or the server is not answering; your changes are kept and will sync when it answers. (${err.message})`, at };
  if (err instanceof ApiError) {
    if (err.status === 401) return { kind: 'auth', message: `${err.message}. Sign in again in Shortlist's options; your unsynced changes are kept.`, at };
    if (err.status === 426 || err.code.startsWith('schema_version')) return { kind: 'outdated', message: `This version of Shortlist is too old for the server: update the extension. Your changes are kept. (${err.message})`, at };
    if (err.status === 400 || err.status === 403) return { kind: 'refused', message: `The server refused a change: ${err.message}`, at };
    return { kind: 'server', message: `The server had a problem (${err.status}): ${err.message}. Will try again.`, at, ...(err.retryAfterMs !== undefined ? { retryAfterMs: err.retryAfterMs } : {}) };
  }
  return { kind: 'server', message: `Sync failed: ${(err as Error).message ?? String(err)}. Will try again.`, at };
}

let running: Promise<SyncResult> | null = null;

export const isSyncing = () => running !== null;

/**
 * Web Locks where the browser has them: one sync across every extension context, and the
 * lock goes with its holder, so a service worker killed mid-sync never leaves it held.
 */
function exclusively<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  return locks ? (locks.request('shortlist-sync', fn) as Promise<T>) : fn();
}

/**
 * One sync: push the outbox, then pull. Only one runs at a time in this context; if the
 * service worker is killed midway nothing is lost (entries leave the outbox on acknowledgement,
 * the cursor moves with the page it belongs to).
 */
export function syncOnce(db: ShortlistDb, fetchImpl?: Fetch): Promise<SyncResult> {
  running ??= exclusively(async (): Promise<SyncResult> => {
    const session = await getSession();
    if (!session) {
      const error: SyncError = { kind: 'signed-out', message: 'Not signed in: open Shortlist options and sign in.', at: new Date().toISOString() };
      return { ok: false, pushed: 0, pulled: 0, error };
    }
    const endpoint = { serverUrl: session.serverUrl, token: session.token };
    try {
      const { pushed } = await pushOutbox(db, endpoint, fetchImpl);
      const { pulled } = await pullChanges(db, endpoint, fetchImpl);
      const { people } = await callApi<PeopleResponse>(endpoint, '/v1/people', {}, fetchImpl);
      await writeMeta(db, 'people', people);
      // The council's settings and name, as an admin last saved them (/v1/me).
      await refreshAccount(db, fetchImpl);
      await writeMeta(db, META.lastSyncedAt, new Date().toISOString());
      await writeMeta(db, META.lastError, null);
      return { ok: true, pushed, pulled };
    } catch (err) {
      const error = describeFailure(err);
      await writeMeta(db, META.lastError, error);
      return { ok: false, pushed: 0, pulled: 0, error };
    }
  }).finally(() => {
    running = null;
  });
  return running;
}
