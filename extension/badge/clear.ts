import { browser } from '#imports';
import { notifiedItem } from './notify';

/** Overdue notifications are named `overdue:<applicationId>:<kind>` (notify.ts). */
const ofApplication = (notificationId: string, ids: ReadonlySet<string>) => ids.has(/^overdue:([^:]+):/.exec(notificationId)?.[1] ?? '');

/**
 * Takes back the notifications shown about these applications (their text names the candidate),
 * after an erasure or deletion. A browser without the API (tests, Firefox in some states) skips it.
 */
export async function clearNotificationsOf(applicationIds: Iterable<string>): Promise<number> {
  const ids = new Set(applicationIds);
  if (!ids.size) return 0;
  return clearWhere((id) => ofApplication(id, ids));
}

/** Local wipe: every notification Shortlist showed, what it remembers of them, and the badge. */
export async function clearAllNotificationsAndBadge(): Promise<void> {
  await clearWhere(() => true);
  await notifiedItem.setValue([]).catch(() => undefined);
  await browser.action?.setBadgeText({ text: '' }).catch(() => undefined);
}

async function clearWhere(match: (notificationId: string) => boolean): Promise<number> {
  try {
    const shown = Object.keys((await browser.notifications.getAll()) ?? {});
    const gone = shown.filter(match);
    await Promise.all(gone.map((id) => browser.notifications.clear(id)));
    return gone.length;
  } catch {
    return 0;
  }
}
