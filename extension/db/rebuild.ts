import { SYNC_TABLES, type SyncTable } from '#shared/schema/index';
import type { ShortlistDb } from './database';
import { pendingFor, scrubViews, viewOf } from './server-views';
import { erasedFieldsHere } from './erase-staff';
import { eraseLocally } from './writes';

/**
 * Puts back the record this browser shows: the server's view with this client's pending
 * changes on top (a pending delete keeps it deleted). Used when a pull brings the server's
 * record, and when the server refuses a change (which then disappears from the screen too).
 * Call inside a transaction over every table.
 */
export async function rebuildLocal(db: ShortlistDb, table: SyncTable, id: string): Promise<void> {
  const local = db.table(table);
  const view = await viewOf(db, table, id);
  const pending = await pendingFor(db, table, id);
  // Erased stays erased: a candidate erased here (perhaps not yet on the server) keeps no personal data.
  const erasedHere = table === 'applications' && ((await db.applications.get(id))?.erased === true || pending.some((e) => e.mutation.op === 'erase'));
  if (pending.some((e) => e.mutation.op === 'delete')) {
    await local.delete(id);
    return;
  }
  let record = view;
  for (const e of pending) if (e.mutation.op === 'upsert') record = { ...(record ?? { id }), ...e.mutation.fields };
  // Without the server's record, edits alone are no record (its creation was refused): nothing to show.
  if (!record || (!view && !SYNC_TABLES[table].schema.safeParse(record).success)) {
    await local.delete(id);
    return;
  }
  await local.put(record as never);
  if (table === 'applications' && (record.erased || erasedHere)) await eraseLocally(db, id);
  // An erased member of staff's record, or one of theirs: pending edits put no words about them back on screen.
  const erased = (await erasedFieldsHere(db, table, record)).filter((f) => record[f] != null);
  if (erased.length) await local.update(id, Object.fromEntries(erased.map((f) => [f, null])));
  if ((table === 'stage_events' || table === 'checks') && record.note != null) {
    if ((await db.applications.get(String(record.applicationId)))?.erased) {
      await local.update(id, { note: null });
      await scrubViews(db, String(record.applicationId));
    }
  }
}
