import { browser } from '#imports';
import { todayInLondon } from '#shared/calendar';
import { isExpiredOffline } from '#shared/retention';
import type { Settings, StageEvent } from '#shared/schema/index';
import { clearNotificationsOf } from '@/badge/clear';
import { getDb, type ShortlistDb } from './database';
import { META, readMeta } from './meta';
import { eraseLocally } from './writes';

export const RETENTION_ALARM = 'shortlist-retention';
const DAY_MINUTES = 24 * 60;

/**
 * Erases, in this browser only, every candidate whose retention date has passed (the rule of
 * shared/retention.ts, the same the server's daily run applies) while this browser was offline.
 * It must not keep the personal data until it next syncs; when it does, the server's erasure
 * arrives and changes nothing more. A browser that synced after the server's run had its
 * chance trusts the server instead (its settings may be newer than the ones signed in with).
 * Nothing is pushed: the server erases on its own schedule.
 */
export async function eraseExpiredLocally(db: ShortlistDb, settings: Pick<Settings, 'retentionMonths' | 'hiredRetentionMonths'>, now = new Date()): Promise<string[]> {
  const today = todayInLondon(now);
  const lastSynced = await readMeta<string | null>(db, META.lastSyncedAt, null);
  const lastSyncedOn = lastSynced ? todayInLondon(new Date(lastSynced)) : null;
  const expired = await db.transaction('r', [db.applications, db.stage_events], async () => {
    const open = await db.applications.filter((a) => !a.erased).primaryKeys();
    if (!open.length) return [];
    const events = await db.stage_events.where('applicationId').anyOf(open).toArray();
    const byApp = new Map<string, StageEvent[]>();
    for (const e of events) byApp.set(e.applicationId, [...(byApp.get(e.applicationId) ?? []), e]);
    return open.filter((id) => isExpiredOffline(byApp.get(id) ?? [], settings, today, lastSyncedOn));
  });
  if (!expired.length) return [];
  await db.transaction('rw', db.tables, async () => {
    for (const id of expired) await eraseLocally(db, id);
  });
  await clearNotificationsOf(expired);
  return expired;
}

/**
 * The browser's own retention timer: at start-up and then daily by alarm (the service worker
 * sleeps between). `settings` gives the signed-in organisation's settings, or null when
 * nobody is signed in (then there is nothing to erase).
 */
export function startLocalRetention(settings: () => Promise<Settings | null>): void {
  const run = async () => {
    try {
      const s = await settings();
      if (s) await eraseExpiredLocally(getDb(), s);
    } catch (err) {
      console.error('Shortlist: local retention failed', err);
    }
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void run();
  });
  // Created once: re-creating it at every service-worker start would push the day back each time.
  void (async () => {
    if (!(await browser.alarms.get(RETENTION_ALARM))) await browser.alarms.create(RETENTION_ALARM, { periodInMinutes: DAY_MINUTES });
  })().catch(() => undefined);
  void run();
}
