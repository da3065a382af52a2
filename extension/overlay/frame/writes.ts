import { uuidv7 } from 'uuidv7';
import { todayInLondon } from '#shared/calendar';
import type { Source, Stage, Vacancy } from '#shared/schema/index';
import { assignApplication } from '#shared/rota';
import type { ShortlistDb } from '@/db/database';
import { moveApplication } from '@/db/moves';
import { appendStageEvent, upsertRecord } from '@/db/writes';
import { boardOf } from '@/overlay/boards';
import { signedIn } from '@/overlay/signed-in';

/**
 * The overlay's three writes (track an advert, capture a candidate, move a stage), made by its
 * frame itself: the frame is an extension page and opens the extension's database as the
 * workspace does, so the service worker carries none of this (issue 15). Loaded only when a
 * person acts (frame/actions.ts), never before the frame draws.
 */

/** "Track this advert": link the page's advert to a vacancy, or create the vacancy from the page. */
export async function trackAdvert(
  db: ShortlistDb,
  input: {
    url: string;
    site: string;
    title: string;
    externalId?: string;
    reference?: string;
    closingDate?: string;
    postedDate?: string;
    vacancyId?: string;
    newVacancy?: { title: string; role: Vacancy['role']; posts: number; mode: Vacancy['mode']; teamIds: string[] };
  },
): Promise<{ advertId: string; vacancyId: string }> {
  let vacancyId = input.vacancyId;
  if (!vacancyId) {
    if (!input.newVacancy) throw new Error('Choose a vacancy to link, or create one');
    vacancyId = uuidv7();
    await upsertRecord('vacancies', vacancyId, {
      ...input.newVacancy,
      reference: input.reference ?? null,
      openedDate: input.postedDate ?? todayInLondon(new Date()),
      closingDate: input.closingDate ?? null,
      status: 'open',
    }, db);
  }
  const advertId = uuidv7();
  await upsertRecord('adverts', advertId, {
    vacancyId,
    url: input.url,
    board: boardOf(input.site),
    title: input.title,
    externalId: input.externalId ?? null,
    reference: input.reference ?? null,
    postedDate: input.postedDate ?? null,
    closingDate: input.closingDate ?? null,
  }, db);
  return { advertId, vacancyId };
}

/** "Capture candidate": a new application with its first stage event, assigned to the manager on shortlisting duty. */
export async function captureCandidate(
  db: ShortlistDb,
  input: { vacancyId: string; name: string; email?: string; atsReference?: string; atsUrl?: string; source: Source; experience: 'nqsw' | 'experienced' },
): Promise<{ applicationId: string }> {
  const { session, asOf } = await signedIn();
  const vacancy = await db.vacancies.get(input.vacancyId);
  if (!vacancy) throw new Error('That vacancy is not in this browser yet: sync, then try again');
  const id = uuidv7();
  const slots = await db.rota_slots.toArray();
  await upsertRecord('applications', id, {
    vacancyId: vacancy.id,
    name: input.name,
    email: input.email || null,
    atsReference: input.atsReference || null,
    atsUrl: input.atsUrl || null,
    source: input.source,
    experience: input.experience,
    receivedDate: asOf,
    assignedTo: assignApplication({ id }, vacancy, slots, asOf),
  }, db);
  await appendStageEvent({ id: uuidv7(), applicationId: id, stage: 'applied', at: new Date().toISOString(), by: session.me.user.id }, db);
  return { applicationId: id };
}

/** A quick action from the overlay: the same `planMove` as the workspace's, recorded as the signed-in user. */
export async function moveStage(
  db: ShortlistDb,
  input: { applicationId: string; stage: Stage; reason?: string; interviewAt?: string; note?: string },
): Promise<{ stage: Stage }> {
  const { session } = await signedIn();
  const events = await db.stage_events.where('applicationId').equals(input.applicationId).toArray();
  const { stage, ...fields } = input;
  const result = await moveApplication({ ...fields, events, to: stage, by: session.me.user.id }, db);
  if (!result.ok) throw new Error(result.message);
  return { stage };
}
