import { todayInLondon } from '#shared/calendar';
import { queueFor, type QueueItem } from '#shared/rota';
import type { Settings } from '#shared/schema/index';
import { getDb, type ShortlistDb } from '@/db/database';
import { getSession } from '@/sync/session';

export interface MyQueue {
  userId: string;
  items: QueueItem[];
}

/** The signed-in manager's queue as of today; null when nobody is signed in. */
export async function readMyQueue(db: ShortlistDb = getDb(), now = new Date()): Promise<MyQueue | null> {
  const session = await getSession();
  if (!session) return null;
  const settings: Settings = session.me.settings;
  const [applications, vacancies, events, slots] = await Promise.all([
    db.applications.toArray(),
    db.vacancies.toArray(),
    db.stage_events.toArray(),
    db.rota_slots.toArray(),
  ]);
  const items = queueFor(session.me.user.id, { applications, vacancies, events, slots, settings, asOf: todayInLondon(now) });
  return { userId: session.me.user.id, items };
}

/** An overdue item is one thing to do: the same application may later be overdue for another step. */
export const overdueKey = (item: QueueItem) => `${item.application.id}:${item.kind}`;

export const overdueItems = (items: readonly QueueItem[]) => items.filter((i) => i.target.status === 'red');
