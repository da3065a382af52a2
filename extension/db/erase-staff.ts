import { ERASABLE, ERASURE_DEPENDENTS, erasedFieldsOf, isErasable, namedIds, parentLinkOf } from '#shared/sync/erasure';
import type { SyncTable } from '#shared/schema/index';
import type { ShortlistDb } from './database';

/**
 * A member of staff's erasure (or deletion) in this browser, by the rule the server applies
 * (shared/sync/erasure.ts): their name, the notes and names of their exit interviews and Stay
 * conversations, and the notes of the posts they held, leave the local copies, the server
 * views, unsent edits and refused edits.
 * (A candidate's erasure has its own path, writes.ts `eraseLocally`, which also clears notifications.)
 */

/** The fields of this record that must stay null here: its own erased fields, or those its erased member of staff takes. */
export async function erasedFieldsHere(db: ShortlistDb, table: SyncTable, record: Record<string, unknown>): Promise<readonly string[]> {
  if (table === 'staff') return record.erased === true ? erasedFieldsOf('staff', table) : [];
  let t: SyncTable = table;
  let data: Record<string, unknown> | undefined = record;
  for (let link = parentLinkOf(t); link && link.parent !== 'applications'; link = parentLinkOf(t)) {
    const parentId = data?.[link.link];
    if (typeof parentId !== 'string') return [];
    data = (await db.table(link.parent).get(parentId)) as Record<string, unknown> | undefined;
    if (isErasable(link.parent)) return data?.erased === true ? erasedFieldsOf(ERASABLE[link.parent], table) : [];
    t = link.parent;
  }
  return [];
}

/** The staff record, every local record that belongs to it and the posts they name, with the fields the erasure nulls in each. */
async function reach(db: ShortlistDb, staffId: string): Promise<{ table: SyncTable; ids: string[]; fields: readonly string[] }[]> {
  const ids = new Map<SyncTable, string[]>([['staff', [staffId]]]);
  for (const d of ERASURE_DEPENDENTS.staff) {
    const found = (await db.table(d.table).where(d.link).anyOf(ids.get(d.parent) ?? []).primaryKeys()).map(String);
    ids.set(d.table, [...(ids.get(d.table) ?? []), ...found]);
  }
  const own = new Map<SyncTable, Record<string, unknown>[]>();
  for (const [t, list] of ids) own.set(t, ((await db.table(t).bulkGet(list)) as (Record<string, unknown> | undefined)[]).filter((r) => r !== undefined));
  for (const [t, named] of namedIds('staff', (t) => own.get(t) ?? [])) ids.set(t, [...new Set([...(ids.get(t) ?? []), ...named])]);
  return [...ids].map(([table, list]) => ({ table, ids: list, fields: erasedFieldsOf('staff', table) })).filter((r) => r.ids.length && r.fields.length);
}

const nulls = (fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, null]));

/** Call inside a transaction over every table (a pull's). */
export async function eraseStaffLocally(db: ShortlistDb, staffId: string): Promise<void> {
  for (const { table, ids, fields } of await reach(db, staffId)) {
    const list = new Set(ids);
    const held = (r: Record<string, unknown>) => fields.some((f) => r[f] != null);
    await db.table(table).where(':id').anyOf(ids).filter(held).modify(nulls(fields));
    await db.server_views
      .filter((v) => v.table === table && list.has(v.id) && held(v.record))
      .modify((v) => {
        v.record = { ...v.record, ...nulls(fields) };
      });
    const mine = (m: { table: SyncTable; recordId: string; op: string }) => m.op === 'upsert' && m.table === table && list.has(m.recordId);
    // Unsent edits lose the words (an edit of nothing else goes); one already sent keeps its place
    // and its sequence number: the server drops those words itself (merge.ts, decide.ts).
    await db.outbox
      .filter((e) => e.seq === undefined && mine(e.mutation))
      .modify((e, ctx) => {
        for (const f of fields) delete e.mutation.fields?.[f];
        if (!Object.keys(e.mutation.fields ?? {}).length) delete (ctx as { value?: unknown }).value;
      });
    await db.refused
      .filter((e) => mine(e.mutation))
      .modify((e) => {
        const kept = { ...(e.mutation.fields ?? {}) };
        for (const f of fields) delete kept[f];
        e.mutation = { ...e.mutation, fields: kept };
      });
    await db.conflicts
      .filter((c) => c.table === table && list.has(c.recordId) && fields.includes(c.field))
      .delete();
  }
}
