import { browser } from '#imports';
import { localItem } from '@/db/local-item';
import type { ShortlistDb } from '@/db/database';
import { overdueItems, overdueKey, readMyQueue } from './myQueue';

/** Keys of overdue items already notified, so each one is announced once. */
export const notifiedItem = localItem<string[]>('notifiedOverdue', []);

/** A small icon for notifications (Chrome requires one): a file of the extension (public/), not inlined in the service worker's code (issue 15). */
const ICON = '/notification-icon.png';

/**
 * Which overdue keys to announce now, and which to remember. Remembered keys that are no
 * longer overdue are forgotten, so the list stays small and a later step overdue is new.
 */
export function newlyOverdue(current: readonly string[], notified: readonly string[]): { announce: string[]; remember: string[] } {
  const seen = new Set(notified);
  return { announce: current.filter((k) => !seen.has(k)), remember: [...current] };
}

/** Clicking an overdue notification opens its candidate in the workspace. */
function openCandidate(notificationId: string): void {
  const applicationId = /^overdue:([^:]+):/.exec(notificationId)?.[1];
  if (!applicationId) return;
  void browser.tabs.create({ url: browser.runtime.getURL(`/workspace.html#/candidate?id=${encodeURIComponent(applicationId)}`) });
  void browser.notifications.clear(notificationId);
}

/** Registered with the first notification: background.ts wires this module with one line, after each sync. */
function openCandidateOnClick(): void {
  if (!browser.notifications.onClicked.hasListener(openCandidate)) browser.notifications.onClicked.addListener(openCandidate);
}

/** Shows one notification per item that became overdue since the last call; none when nothing changed. */
export async function notifyNewlyOverdue(db?: ShortlistDb, now?: Date): Promise<string[]> {
  const queue = await readMyQueue(db, now);
  if (!queue) return [];
  const overdue = overdueItems(queue.items);
  const byKey = new Map(overdue.map((i) => [overdueKey(i), i]));
  const { announce, remember } = newlyOverdue([...byKey.keys()], await notifiedItem.getValue());
  if (announce.length) openCandidateOnClick();
  for (const key of announce) {
    const item = byKey.get(key)!;
    const what = item.kind === 'shortlisting_decision' ? 'Shortlisting decision' : 'Interview booking';
    await browser.notifications.create(`overdue:${key}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL(ICON),
      title: `${what} ${item.target.label}`,
      message: `${item.application.name ?? 'A candidate'}, ${item.vacancy.title}`,
    });
  }
  const previous = await notifiedItem.getValue();
  if (remember.length !== previous.length || remember.some((k, i) => k !== previous[i])) await notifiedItem.setValue(remember);
  return announce;
}
