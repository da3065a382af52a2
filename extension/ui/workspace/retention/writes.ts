import type { PlannedUpsert } from '#shared/staff/index';
import { getDb } from '@/db/database';
import { upsertRecord, ValidationError } from '@/db/writes';
import { linesToFieldErrors } from '../admin/fieldErrors';

export type Saved = { ok: true } | { ok: false; errors: Record<string, string> };

/**
 * Writes the changes a domain rule planned (shared/staff) in one local transaction, each with its
 * outbox entry: a leaver without its freed post, or a move without its staff record, never exists.
 * A schema refusal comes back as field errors ("field: problem" lines).
 */
export async function applyChanges(changes: readonly PlannedUpsert[]): Promise<Saved> {
  const db = getDb();
  const tables = [...new Set(changes.map((c) => db.table(c.table))), db.outbox, db.meta];
  try {
    await db.transaction('rw', tables, async () => {
      for (const c of changes) await upsertRecord(c.table, c.id, c.fields as never, db);
    });
    return { ok: true };
  } catch (err) {
    if (err instanceof ValidationError) return { ok: false, errors: linesToFieldErrors(err.issues) };
    return { ok: false, errors: { form: (err as Error).message } };
  }
}

/** What a domain rule planned for a form: the changes to write, or the field errors that refuse them. */
export type PlannedChanges = { ok: true; changes: readonly PlannedUpsert[] } | { ok: false; errors: Record<string, string> };

/**
 * A form's save: the plan's refusal or the write's goes to the form's field errors; once the
 * changes are written the form is done.
 */
export async function savePlanned(planned: PlannedChanges, setErrors: (errors: Record<string, string>) => void, onDone: () => void): Promise<void> {
  if (!planned.ok) return setErrors(planned.errors);
  const saved = await applyChanges(planned.changes);
  if (!saved.ok) return setErrors(saved.errors);
  onDone();
}
