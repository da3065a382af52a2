import { browser } from '#imports';
import { getDb } from '@/db/database';
import { META, readMeta, writeMeta } from '@/db/meta';
import { onLocalWrite } from '@/db/writes';
import { afterFailure, mayTryNow, type Backoff } from './backoff';
import { syncOnce, type SyncResult } from './engine';
import type { SyncError } from './status';

const ALARM = 'shortlist-sync';
const AFTER_CHANGE_MS = 1500;

let soonTimer: ReturnType<typeof setTimeout> | undefined;
const afterSync = new Set<(r: SyncResult) => void>();

/** Runs after every sync (badge and notifications hang here). */
export function onSynced(listener: (r: SyncResult) => void): void {
  afterSync.add(listener);
}

/**
 * `manual`: a person asked ("Sync now"); it tries even with a token the server refused, and
 * before the back-off is over. Automatic runs (alarm, local changes, retries) wait for both.
 * The back-off is kept in the database, so a restarted service worker keeps it too.
 */
export async function runSync(manual = false, now = Date.now): Promise<SyncResult> {
  const db = getDb();
  if (!manual) {
    // A refused token stays refused: automatic syncs wait for a new sign-in instead of knocking every minute.
    const last = await readMeta<SyncError | null>(db, META.lastError, null);
    if (last?.kind === 'auth') return { ok: false, pushed: 0, pulled: 0, error: last };
    const backoff = await readMeta<Backoff | null>(db, META.syncBackoff, null);
    if (!mayTryNow(backoff, now())) return { ok: false, pushed: 0, pulled: 0, ...(last ? { error: last } : {}) };
  }
  const result = await syncOnce(db);
  const settled = result.ok || result.error?.kind === 'auth' || result.error?.kind === 'signed-out';
  if (settled) await writeMeta(db, META.syncBackoff, null);
  else {
    const next = afterFailure(await readMeta<Backoff | null>(db, META.syncBackoff, null), result.error?.retryAfterMs, now());
    await writeMeta(db, META.syncBackoff, next);
    scheduleSync(next.nextAttemptAt - now());
  }
  for (const l of afterSync) l(result);
  return result;
}

/** Syncs after `delayMs`, folding bursts of local changes into one sync. */
export function scheduleSync(delayMs = AFTER_CHANGE_MS): void {
  clearTimeout(soonTimer);
  soonTimer = setTimeout(() => void runSync(), delayMs);
}

/** Background start-up: periodic sync by alarm (the service worker sleeps when idle), soon after changes, when back online. */
export function startSyncScheduler(): void {
  browser.alarms.create(ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void runSync();
  });
  onLocalWrite(() => scheduleSync());
  addEventListener('online', () => void backOnline());
  scheduleSync(0);
}

/** Back online: a back-off that was waiting out the network (not the server) is over. */
export async function backOnline(): Promise<void> {
  const db = getDb();
  if ((await readMeta<SyncError | null>(db, META.lastError, null))?.kind === 'offline') await writeMeta(db, META.syncBackoff, null);
  scheduleSync(0);
}
