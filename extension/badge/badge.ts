import { browser } from '#imports';
import type { ShortlistDb } from '@/db/database';
import { overdueItems, readMyQueue } from './myQueue';

const BADGE_RED = '#d4351c';

/** The toolbar badge shows how many of my queue items are overdue (nothing when none, or signed out). */
export async function refreshBadge(db?: ShortlistDb, now?: Date): Promise<number> {
  const queue = await readMyQueue(db, now);
  const count = queue ? overdueItems(queue.items).length : 0;
  await browser.action.setBadgeText({ text: count ? String(count) : '' });
  if (count) await browser.action.setBadgeBackgroundColor({ color: BADGE_RED });
  return count;
}
