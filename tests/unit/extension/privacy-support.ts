import { browser } from '#imports';
import type { ShortlistDb } from '@/db/database';

/** Every row of every table of a browser's IndexedDB, as one string to search for personal data. */
export async function everythingStored(db: ShortlistDb): Promise<string> {
  const parts: string[] = [];
  for (const t of db.tables) parts.push(`${t.name}: ${JSON.stringify(await t.toArray())}`);
  return parts.join('\n');
}

/** A notification of an overdue step that names the candidate, as the background raises them. */
export async function notifyOverdue(applicationId: string, message: string, step = 'shortlisting_decision', title = 'Overdue'): Promise<void> {
  await browser.notifications.create(`overdue:${applicationId}:${step}`, { type: 'basic', iconUrl: 'x', title, message });
}
