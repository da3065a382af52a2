import { CANDIDATE_CHILD_TABLES, CHILD_PERSONAL_FIELDS, PERSONAL_FIELDS, type SyncTable } from '#shared/schema/index';
import { ERASABLE, erasedFieldsOf, isErasable } from '#shared/sync/erasure';
import type { OutboxEntry, ServerView, ShortlistDb } from './database';

/** This client's unacknowledged changes of one record, in the order they were made. */
export async function pendingFor(db: ShortlistDb, table: SyncTable, id: string): Promise<OutboxEntry[]> {
  return db.outbox.where('[mutation.table+mutation.recordId]').equals([table, id]).sortBy('localId');
}

export async function viewOf(db: ShortlistDb, table: SyncTable, id: string): Promise<Record<string, unknown> | undefined> {
  return (await db.server_views.get([table, id]))?.record;
}

export async function putView(db: ShortlistDb, table: SyncTable, id: string, record: Record<string, unknown>): Promise<void> {
  await db.server_views.put({ table, id, record });
}

/** An erased record's own personal fields (an application's candidate, a staff record's member of staff) stay out of its view. */
const withoutPersonal = (table: SyncTable, fields: Record<string, unknown>) => {
  const out = { ...fields };
  for (const f of isErasable(table) ? erasedFieldsOf(ERASABLE[table], table) : []) delete out[f];
  return out;
};

/**
 * The server took these changes: they become part of its view here (the next pull brings the
 * record exactly as the server merged it). Call inside the transaction that removes them from the outbox.
 */
export async function foldAcknowledged(db: ShortlistDb, entries: OutboxEntry[]): Promise<void> {
  const inOrder = [...entries].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  for (const { mutation: m } of inOrder) {
    const key: [SyncTable, string] = [m.table, m.recordId];
    if (m.op === 'delete') await db.server_views.delete(key);
    else if (m.op === 'erase') await scrubViews(db, m.recordId);
    else {
      const base = (await db.server_views.get(key))?.record ?? { id: m.recordId };
      const fields = base.erased ? withoutPersonal(m.table, m.fields ?? {}) : (m.fields ?? {});
      await db.server_views.put({ table: m.table, id: m.recordId, record: { ...base, ...fields } });
    }
  }
}

/** Erasure reaches the server views too: no copy of the candidate's personal data stays in this browser. */
export async function scrubViews(db: ShortlistDb, applicationId: string): Promise<void> {
  const app = await db.server_views.get(['applications', applicationId]);
  if (app) {
    const cleared = Object.fromEntries(PERSONAL_FIELDS.map((f) => [f, null]));
    await db.server_views.put({ ...app, record: { ...app.record, ...cleared, erased: true } });
  }
  const childFields = (v: ServerView) => CHILD_PERSONAL_FIELDS[v.table as (typeof CANDIDATE_CHILD_TABLES)[number]] ?? [];
  await db.server_views
    .filter((v: ServerView) => v.record.applicationId === applicationId && childFields(v).some((f) => v.record[f] != null))
    .modify((v: ServerView) => {
      v.record = { ...v.record, ...Object.fromEntries(childFields(v).map((f) => [f, null])) };
    });
}
