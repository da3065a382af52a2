import { CANDIDATE_CHILD_TABLES, candidateFieldsOf, CHILD_PERSONAL_FIELDS, PERSONAL_FIELDS, type SyncTable } from '#shared/schema/index';
import type { RefusedEntry, ShortlistDb } from './database';

/**
 * What erasure and deletion take out of this browser besides the record and its server view:
 * the refused-changes list (it holds the fields a person typed) and the conflicts kept for a
 * person to see. Which fields go comes from shared/schema/personal.ts. Call inside a
 * transaction that includes `refused` and `conflicts`.
 */

/** An erased candidate: their personal fields leave refused edits of the application, notes leave those of its events and checks. */
export async function scrubCandidateExtras(db: ShortlistDb, applicationId: string, childIds: ReadonlySet<string>): Promise<void> {
  const fieldsOf = (e: RefusedEntry): readonly string[] | null => {
    const m = e.mutation;
    if (m.table === 'applications' && m.recordId === applicationId) return PERSONAL_FIELDS;
    const child = (CANDIDATE_CHILD_TABLES as readonly SyncTable[]).includes(m.table);
    if (child && (childIds.has(m.recordId) || m.fields?.applicationId === applicationId)) return CHILD_PERSONAL_FIELDS[m.table as (typeof CANDIDATE_CHILD_TABLES)[number]];
    return null;
  };
  await db.refused
    .filter((e) => e.mutation.op === 'upsert' && fieldsOf(e) !== null)
    .modify((e, ctx) => {
      const fields = { ...(e.mutation.fields ?? {}) };
      for (const f of fieldsOf(e)!) delete fields[f];
      // A refused edit of personal fields only has nothing left to show. (A refused erasure stays: a person must see it.)
      if (!Object.keys(fields).length) delete (ctx as { value?: unknown }).value;
      else e.mutation = { ...e.mutation, fields };
    });
  await db.conflicts
    .where('recordId')
    .equals(applicationId)
    .filter((c) => c.table === 'applications' && (PERSONAL_FIELDS as readonly string[]).includes(c.field))
    .delete();
}

/**
 * A deleted record: the candidate's personal fields (if the table has any) leave its refused
 * edits, which stay listed (a person still sees that a change was refused), and conflicts of
 * those fields go.
 */
export const scrubDeletedExtras = (db: ShortlistDb, table: SyncTable, recordId: string): Promise<void> => scrubFieldsExtras(db, table, recordId, candidateFieldsOf(table));

/**
 * These fields of one record leave its refused edits (which stay listed) and its conflicts: a
 * deleted record's candidate fields, or those a need-to-know rule keeps from this user
 * (a redacted copy pulled, shared/sync/scope.ts).
 */
export async function scrubFieldsExtras(db: ShortlistDb, table: SyncTable, recordId: string, fields: readonly string[]): Promise<void> {
  if (!fields.length) return;
  await db.refused
    .filter((e) => e.mutation.table === table && e.mutation.recordId === recordId && fields.some((f) => f in (e.mutation.fields ?? {})))
    .modify((e) => {
      const kept = { ...(e.mutation.fields ?? {}) };
      for (const f of fields) delete kept[f];
      e.mutation = { ...e.mutation, fields: kept };
    });
  await db.conflicts
    .where('recordId')
    .equals(recordId)
    .filter((c) => c.table === table && fields.includes(c.field))
    .delete();
}
