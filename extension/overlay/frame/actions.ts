import '#shared/schema/english';
import type { Source, Stage, Vacancy } from '#shared/schema/index';
import { getDb, type ShortlistDb } from '@/db/database';
import { askBackground } from '@/overlay/ask';
import type { FrameView, OverlayPage } from '@/overlay/views';
import { captureCandidate, moveStage, trackAdvert } from './writes';

/**
 * What a person does in the overlay's frame, loaded when they act (or open a form that needs
 * the teams), so the frame's first draw carries no database and no schemas. Each action first
 * asks the background for its session's view again: the facts written (the advert's URL and
 * ids, the ATS link, which candidate is shown) are the background's, taken from the tab, and
 * an action in a tab that has since moved to another page is refused there, as before.
 */
export type Ask = (request: { type: 'overlay:view'; session: string }) => Promise<FrameView>;

const sessionView: Ask = (request) => askBackground(request);

function pageOf<K extends OverlayPage['kind']>(frame: FrameView, kind: K): Extract<OverlayPage, { kind: K }> {
  if (frame.page.kind !== kind) throw new Error(`This overlay shows no ${kind}`);
  return frame.page as Extract<OverlayPage, { kind: K }>;
}

export interface TrackChoice {
  vacancyId?: string;
  newVacancy?: { title: string; role: Vacancy['role']; posts: number; mode: Vacancy['mode']; teamIds: string[] };
}

/** "Track this advert" with the session's advert: its URL and facts as the page reader gave them, whatever the form holds. */
export async function trackSessionAdvert(session: string, choice: TrackChoice, ask: Ask = sessionView, db: ShortlistDb = getDb()) {
  const page = pageOf(await ask({ type: 'overlay:view', session }), 'advert');
  return trackAdvert(db, {
    url: page.url,
    site: page.site,
    title: page.title,
    externalId: page.externalId,
    reference: page.reference,
    closingDate: page.closingDate,
    postedDate: page.postedDate,
    // Only the choice: nothing else the form holds reaches the record.
    vacancyId: choice.vacancyId,
    newVacancy: choice.newVacancy,
  });
}

export interface CaptureInput {
  vacancyId: string;
  name: string;
  email?: string;
  atsReference?: string;
  source: Source;
  experience: 'nqsw' | 'experienced';
}

/** "Capture candidate" on the session's candidate page: the ATS link is the tab's. */
export async function captureSessionCandidate(session: string, input: CaptureInput, ask: Ask = sessionView, db: ShortlistDb = getDb()) {
  const page = pageOf(await ask({ type: 'overlay:view', session }), 'candidate');
  return captureCandidate(db, { ...input, atsUrl: page.url });
}

export interface MoveInput {
  applicationId: string;
  stage: Stage;
  reason?: string;
  interviewAt?: string;
  note?: string;
}

/** A quick move, only for the candidate the session's view shows now (the same `planMove` as the workspace's). */
export async function moveSessionCandidate(session: string, input: MoveInput, ask: Ask = sessionView, db: ShortlistDb = getDb()) {
  const frame = await ask({ type: 'overlay:view', session });
  pageOf(frame, 'candidate');
  const shown = 'candidate' in frame.view && frame.view.candidate.tracked ? frame.view.candidate.applicationId : undefined;
  if (shown !== input.applicationId) throw new Error('This overlay does not show that candidate');
  return moveStage(db, input);
}

/** The council's teams, for a new vacancy's team. */
export async function teamChoices(db: ShortlistDb = getDb()): Promise<Array<{ id: string; name: string }>> {
  return (await db.teams.toArray()).map((t) => ({ id: t.id, name: t.name }));
}
