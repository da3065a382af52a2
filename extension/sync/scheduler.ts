import { browser } from '#imports';
import { getDb } from '@/db/database';
import { onLocalWrite } from '@/db/writes';
import { syncOnce, type SyncResult } from './engine';

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

export async function runSync(): Promise<SyncResult> {
  const result = await syncOnce(getDb());
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
