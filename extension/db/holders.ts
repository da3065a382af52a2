import { uuidv7 } from 'uuidv7';
import type { SyncTable } from '#shared/schema/index';
import { holderFromHire, type HireOutcome, type PlannedUpsert } from '#shared/staff/index';
import { getDb, type ShortlistDb } from './database';
import { upsertRecord } from './writes';

/**
 * Writes the changes a domain rule of shared/staff planned (a leaver, a hire, a move) in one
 * transaction, each with its outbox entry: all of them or none.
 */
export async function applyPlan(changes: readonly PlannedUpsert[], db: ShortlistDb = getDb()): Promise<void> {
  const tables = [...new Set(changes.map((c) => c.table))].map((t) => db.table(t));
  await db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
    for (const c of changes) await upsertRecord(c.table as SyncTable, c.id, c.fields as never, db);
  });
}

/**
 * After a start is recorded: the starter becomes the holder of a free post of their vacancy
 * (shared/staff/hire.ts), with no one typing them in again. `no_free_post` asks a person which post.
 */
export async function holderOnStart(applicationId: string, db: ShortlistDb = getDb()): Promise<HireOutcome> {
  const application = await db.applications.get(applicationId);
  const vacancy = application && (await db.vacancies.get(application.vacancyId));
  if (!application || !vacancy) return { kind: 'no_free_post', message: 'the application or its vacancy is not in this browser' };
  const [events, posts, staff, leavers] = await Promise.all([
    db.stage_events.where('applicationId').equals(applicationId).toArray(),
    db.posts.where('teamId').anyOf(vacancy.teamIds).toArray(),
    db.staff.toArray(),
    db.leavers.toArray(),
  ]);
  const named = vacancy.postIds?.length ? await db.posts.bulkGet(vacancy.postIds) : [];
  const candidates = [...posts, ...named.filter((p) => p !== undefined)];
  const outcome = holderFromHire({ application, events, vacancy, posts: candidates, staff, leavers, newId: uuidv7 });
  if (outcome.kind === 'holder') await applyPlan(outcome.changes, db);
  return outcome;
}
