import {
  CANDIDATE_CHILD_TABLES,
  CHILD_PERSONAL_FIELDS,
  describeIssues,
  PERSONAL_FIELDS,
  stageEventSchema,
  SYNC_TABLES,
  type Mutation,
  type RecordOf,
  type StageEvent,
  type SyncTable,
} from '#shared/schema/index';
import { getDb, type OutboxEntry, type ShortlistDb } from './database';
import { nextClock } from './meta';
import { clearNotificationsOf } from '@/badge/clear';
import { scrubCandidateExtras, scrubDeletedExtras } from './scrub';
import { scrubViews } from './server-views';

/** A record a person tried to save does not pass its schema; `issues` are "field: problem" lines. */
export class ValidationError extends Error {
  constructor(readonly issues: string[]) {
    super(`Not saved: ${issues.join('; ')}`);
    this.name = 'ValidationError';
  }
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** Called after every committed local write (the background schedules a sync). */
export function onLocalWrite(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * A mutation's id is only its idempotency key (the server's applied_mutations): unique, never
 * ordered (the outbox's order is its local key and seq). So the standard random UUID, not
 * uuidv7, which record ids keep because they sort by creation, and whose library the service
 * worker would otherwise carry for this alone (1.4 KB gzip, issue 15).
 */
async function enqueue(db: ShortlistDb, mutation: Omit<Mutation, 'seq' | 'hlc' | 'id'>): Promise<void> {
  const hlc = await nextClock(db);
  await db.outbox.add({ mutation: { ...mutation, id: crypto.randomUUID(), hlc }, createdAt: new Date().toISOString() });
}

function validate<T extends SyncTable>(table: T, record: unknown): RecordOf<T> {
  const parsed = SYNC_TABLES[table].schema.safeParse(record);
  if (!parsed.success) throw new ValidationError(describeIssues(parsed.error));
  return parsed.data as RecordOf<T>;
}

/**
 * After a commit: the background's scheduler listens here; an extension page (workspace,
 * popup) has no listener and tells the background instead, so the change syncs soon.
 */
function committed(): void {
  if (listeners.size) for (const l of listeners) l();
  else {
    try {
      void browser.runtime.sendMessage({ type: 'localChange' }).catch(() => undefined);
    } catch {
      // No background to tell (a test, or the extension is reloading): the minute alarm syncs.
    }
  }
}

/**
 * Creates or changes a record: the merged record must pass its schema; the record and its
 * outbox entry (only the fields given) are written in one transaction, so neither exists without the other.
 */
export async function upsertRecord<T extends SyncTable>(
  table: T,
  id: string,
  fields: Partial<Omit<RecordOf<T>, 'id'>>,
  db: ShortlistDb = getDb(),
): Promise<RecordOf<T>> {
  if (SYNC_TABLES[table].appendOnly) throw new Error(`${table} is append-only: use appendStageEvent`);
  const saved = await db.transaction('rw', [db.table(table), db.outbox, db.meta], async () => {
    const existing = (await db.table(table).get(id)) as Record<string, unknown> | undefined;
    if (table === 'applications') refuseUnerasing(existing, fields as Record<string, unknown>);
    const record = validate(table, { ...existing, ...fields, id });
    await db.table(table).put(record as never);
    // Only what the server takes: the fields given, as parsed (no unknown keys, no id; erasure has its own op).
    const parsed = record as Record<string, unknown>;
    const sent = Object.fromEntries(Object.keys(fields).filter((k) => k !== 'id' && k !== 'erased' && k in parsed).map((k) => [k, parsed[k]]));
    if (Object.keys(sent).length > 0) await enqueue(db, { table, op: 'upsert', recordId: id, fields: sent });
    return record;
  });
  committed();
  return saved;
}

/** Erased stays erased: an upsert neither sets `erased` nor writes an erased candidate's personal data back. */
function refuseUnerasing(existing: Record<string, unknown> | undefined, fields: Record<string, unknown>): void {
  const issues: string[] = [];
  if ('erased' in fields && Boolean(fields.erased) !== Boolean(existing?.erased)) {
    issues.push('erased: use eraseCandidate to erase a candidate; an erasure cannot be undone');
  }
  if (existing?.erased) {
    for (const f of PERSONAL_FIELDS) if (fields[f] != null) issues.push(`${f}: the candidate was erased; their personal data cannot be added back`);
  }
  if (issues.length) throw new ValidationError(issues);
}

/** Adds to an application's history (append-only: an event is never changed). */
export async function appendStageEvent(event: StageEvent, db: ShortlistDb = getDb()): Promise<StageEvent> {
  const parsed = stageEventSchema.safeParse(event);
  if (!parsed.success) throw new ValidationError(describeIssues(parsed.error));
  const { id, ...fields } = parsed.data;
  await db.transaction('rw', [db.stage_events, db.outbox, db.meta], async () => {
    await db.stage_events.put(parsed.data);
    await enqueue(db, { table: 'stage_events', op: 'upsert', recordId: id, fields });
  });
  committed();
  return parsed.data;
}

/** Deletes a record; the server keeps a tombstone so it stays deleted everywhere. */
export async function deleteRecord(table: SyncTable, id: string, db: ShortlistDb = getDb()): Promise<void> {
  await db.transaction('rw', [db.table(table), db.outbox, db.meta, db.refused, db.conflicts], async () => {
    await db.table(table).delete(id);
    await scrubDeletedExtras(db, table, id);
    await enqueue(db, { table, op: 'delete', recordId: id });
  });
  if (table === 'applications') await clearNotificationsOf([id]);
  committed();
}

/** UK GDPR erasure of a candidate: personal fields removed here now, and everywhere after sync. */
export async function eraseCandidate(applicationId: string, db: ShortlistDb = getDb()): Promise<void> {
  await db.transaction('rw', [db.applications, db.stage_events, db.checks, db.outbox, db.meta, db.server_views, db.refused, db.conflicts], async () => {
    await eraseLocally(db, applicationId);
    await enqueue(db, { table: 'applications', op: 'erase', recordId: applicationId });
  });
  await clearNotificationsOf([applicationId]);
  committed();
}

/**
 * Removes a candidate's personal data from this browser (used for local and pulled erasures,
 * and for retention): the record, its server view, its events' and checks' notes, pending
 * edits, refused edits and conflicts. Notifications are outside IndexedDB: callers clear them
 * after the transaction (badge/clear.ts). Call inside a transaction that includes the
 * applications, stage_events, checks, outbox, server_views, refused and conflicts tables.
 */
export async function eraseLocally(db: ShortlistDb, applicationId: string): Promise<void> {
  await scrubViews(db, applicationId);
  const app = await db.applications.get(applicationId);
  if (app) {
    const cleared = Object.fromEntries(PERSONAL_FIELDS.map((f) => [f, null]));
    await db.applications.put({ ...app, ...cleared, erased: true });
  }
  const withoutNotes = (table: (typeof CANDIDATE_CHILD_TABLES)[number]) => Object.fromEntries(CHILD_PERSONAL_FIELDS[table].map((f) => [f, null]));
  await db.stage_events.where('applicationId').equals(applicationId).modify(withoutNotes('stage_events'));
  await db.checks.where('applicationId').equals(applicationId).modify(withoutNotes('checks'));
  const related = new Set<string>([
    ...(await db.stage_events.where('applicationId').equals(applicationId).primaryKeys()),
    ...(await db.checks.where('applicationId').equals(applicationId).primaryKeys()),
  ]);
  await scrubCandidateExtras(db, applicationId, related);
  // Pending edits must not send the personal data back: the application's personal fields, its events' and checks' notes.
  const isApp = (m: OutboxEntry['mutation']) => m.table === 'applications' && m.recordId === applicationId;
  const isRelated = (m: OutboxEntry['mutation']) =>
    (m.table === 'stage_events' || m.table === 'checks') && (related.has(m.recordId) || m.fields?.applicationId === applicationId);
  await db.outbox
    .filter((e) => e.mutation.op === 'upsert' && (isApp(e.mutation) || isRelated(e.mutation)))
    .modify((e, ctx) => {
      const fields = isApp(e.mutation) ? PERSONAL_FIELDS : CHILD_PERSONAL_FIELDS[e.mutation.table as (typeof CANDIDATE_CHILD_TABLES)[number]];
      for (const f of fields) delete e.mutation.fields?.[f];
      // An edit of personal fields only has nothing left to send (the server refuses an empty upsert):
      // unsent, it goes; already sent (its seq perhaps applied), it keeps its place and becomes the
      // erasure itself, so a later mutation never reuses its seq and gets skipped as a replay.
      if (Object.keys(e.mutation.fields ?? {}).length > 0) return;
      if (e.seq === undefined) delete (ctx as { value?: unknown }).value;
      else e.mutation = { id: e.mutation.id, hlc: e.mutation.hlc, table: 'applications', op: 'erase', recordId: applicationId };
    });
}
