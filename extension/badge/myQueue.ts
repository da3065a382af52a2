import { todayInLondon } from '#shared/calendar';
import { queueFor, type QueueInput, type QueueItem } from '#shared/rota';
import type { Settings } from '#shared/schema/index';
import { effectiveSettings } from '#shared/settings';
import { getDb, type ShortlistDb } from '@/db/database';
import { getSession } from '@/sync/session';

export interface MyQueue {
  userId: string;
  items: QueueItem[];
}

export type QueueTables = Pick<QueueInput, 'applications' | 'vacancies' | 'events' | 'slots'>;

/** The tables a queue is computed from (Dexie reads only, so a live query can watch them). */
export async function readQueueTables(db: ShortlistDb = getDb()): Promise<QueueTables> {
  const [applications, vacancies, events, slots] = await Promise.all([
    db.applications.toArray(),
    db.vacancies.toArray(),
    db.stage_events.toArray(),
    db.rota_slots.toArray(),
  ]);
  return { applications, vacancies, events, slots };
}

/** A user's queue as of today. */
export function queueOf(userId: string, settings: Settings, tables: QueueTables, now = new Date()): MyQueue {
  return { userId, items: queueFor(userId, { ...tables, settings, asOf: todayInLondon(now) }) };
}

/** The signed-in manager's queue as of today; null when nobody is signed in. */
export async function readMyQueue(db: ShortlistDb = getDb(), now = new Date()): Promise<MyQueue | null> {
  const session = await getSession();
  if (!session) return null;
  return queueOf(session.me.user.id, effectiveSettings(session.me.settings), await readQueueTables(db), now);
}

/** An overdue item is one thing to do: the same application may later be overdue for another step. */
export const overdueKey = (item: QueueItem) => `${item.application.id}:${item.kind}`;

export const overdueItems = (items: readonly QueueItem[]) => items.filter((i) => i.target.status === 'red');
