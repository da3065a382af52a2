import { uuidv7 } from 'uuidv7';
import type { RotaSlot, Vacancy } from '#shared/schema/index';
import { assignApplication } from '#shared/rota';
import { getDb, type ShortlistDb } from '@/db/database';
import { appendStageEvent, upsertRecord } from '@/db/writes';
import type { PlannedRow } from './plan';

export const IMPORT_CHUNK_SIZE = 50;

export interface ImportContext {
  vacancies: readonly Vacancy[];
  slots: readonly RotaSlot[];
  /** Today in Europe/London: whoever is on shortlisting duty this week gets the new applications. */
  asOf: string;
  userId: string;
  now?: () => Date;
}

export interface ImportProgress {
  done: number;
  total: number;
}

/**
 * Imports the planned rows in chunks, each chunk in one transaction (its applications, their
 * 'applied' events and their outbox entries commit together or not at all). Progress is
 * reported after every chunk; returns how many were imported.
 */
export async function runImport(
  rows: readonly PlannedRow[],
  ctx: ImportContext,
  onProgress: (p: ImportProgress) => void = () => {},
  db: ShortlistDb = getDb(),
): Promise<number> {
  const vacancies = new Map(ctx.vacancies.map((v) => [v.id, v]));
  const now = ctx.now ?? (() => new Date());
  let done = 0;
  onProgress({ done, total: rows.length });
  for (let start = 0; start < rows.length; start += IMPORT_CHUNK_SIZE) {
    const chunk = rows.slice(start, start + IMPORT_CHUNK_SIZE);
    await db.transaction('rw', [db.applications, db.stage_events, db.outbox, db.meta], async () => {
      for (const row of chunk) {
        const id = uuidv7();
        const vacancy = vacancies.get(row.application.vacancyId);
        const assignedTo = vacancy ? assignApplication({ id }, vacancy, ctx.slots, ctx.asOf) : null;
        await upsertRecord('applications', id, { ...row.application, assignedTo }, db);
        // The application arrived on its received date, not when it was imported: time in stage counts from then
        // (midday UTC is the same date in London all year).
        const at = `${row.application.receivedDate}T12:00:00.000Z`;
        await appendStageEvent({ id: uuidv7(), applicationId: id, stage: 'applied', at, by: ctx.userId, note: `Imported from CSV line ${row.line} on ${now().toISOString().slice(0, 10)}` }, db);
      }
    });
    done += chunk.length;
    onProgress({ done, total: rows.length });
  }
  return done;
}
