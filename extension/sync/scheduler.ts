import { browser } from '#imports';
import { getDb } from '@/db/database';
import { META, readMeta } from '@/db/meta';
import { onLocalWrite } from '@/db/writes';
import { syncOnce, type SyncResult } from './engine';
import type { SyncError } from './status';

const ALARM = 'shortlist-sync';
const AFTER_CHANGE_MS = 1500;
const MAX_BACKOFF_MS = 5 * 60_000;

let soonTimer: ReturnType<typeof setTimeout> | undefined;
let failures = 0;
const afterSync = new Set<(r: SyncResult) => void>();

/** Runs after every sync (badge and notifications hang here). */
export function onSynced(listener: (r: SyncResult) => void): void {
  afterSync.add(listener);
}

/** `manual`: a person asked ("Sync now"); it tries even with a token the server refused. */
export async function runSync(manual = false): Promise<SyncResult> {
  const db = getDb();
  // A refused token stays refused: automatic syncs wait for a new sign-in instead of knocking every minute.
  const last = manual ? null : await readMeta<SyncError | null>(db, META.lastError, null);
  if (last?.kind === 'auth') return { ok: false, pushed: 0, pulled: 0, error: last };
  const result = await syncOnce(db);
  failures = result.ok || result.error?.kind === 'auth' || result.error?.kind === 'signed-out' ? 0 : failures + 1;
  // Back off exponentially with jitter after failures; the minute alarm still runs underneath.
  if (failures > 0) scheduleSync(Math.min(MAX_BACKOFF_MS, 2000 * 2 ** (failures - 1)) * (0.5 + Math.random()));
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
  addEventListener('online', () => scheduleSync(0));
  scheduleSync(0);
}
