import { z } from 'zod';
import { ROLE_LADDER, SHORTLISTING_MODES, SOURCES, STAGES, siteProfileSchema } from '#shared/schema/index';
import { getDb } from '@/db/database';
import { upsertRecord } from '@/db/writes';
import { registerHandler } from '@/messages/router';
import { advertView, candidateView, captureCandidate, listingBadges, moveStage, trackAdvert } from './queries';

const text = (max: number) => z.string().trim().min(1).max(max);
const optional = (max: number) => z.string().trim().max(max).optional();

/** Requests the page overlay sends; all validated here, since they come from content scripts inside web pages. */
export const OVERLAY_REQUESTS = {
  advert: z.object({ type: z.literal('overlay:advert'), url: z.url(), site: text(40), externalId: optional(80), reference: optional(80) }),
  listing: z.object({ type: z.literal('overlay:listing'), site: text(40), externalIds: z.array(text(80)).max(500) }),
  candidate: z.object({ type: z.literal('overlay:candidate'), url: z.url(), reference: optional(80), email: optional(254), name: optional(120) }),
  track: z.object({
    type: z.literal('overlay:track'),
    url: z.url(),
    site: text(40),
    title: text(300),
    externalId: optional(80),
    reference: optional(80),
    closingDate: z.iso.date().optional(),
    postedDate: z.iso.date().optional(),
    vacancyId: z.uuid().optional(),
    newVacancy: z
      .object({ title: text(200), role: z.enum(ROLE_LADDER), posts: z.int().min(1).max(100), mode: z.enum(SHORTLISTING_MODES), teamIds: z.array(z.uuid()).max(20) })
      .optional(),
  }),
  capture: z.object({
    type: z.literal('overlay:capture'),
    vacancyId: z.uuid(),
    name: text(120),
    email: optional(254),
    atsReference: optional(80),
    atsUrl: z.url().optional(),
    source: z.enum(SOURCES),
    experience: z.enum(['nqsw', 'experienced']),
  }),
  move: z.object({
    type: z.literal('overlay:move'),
    applicationId: z.uuid(),
    stage: z.enum(STAGES),
    reason: optional(40),
    interviewAt: z.iso.datetime({ offset: true }).optional(),
    note: optional(2000),
  }),
  teams: z.object({ type: z.literal('overlay:teams') }),
  profiles: z.object({ type: z.literal('overlay:profiles'), host: text(253) }),
  saveProfile: z.object({ type: z.literal('overlay:saveProfile'), profile: siteProfileSchema }),
};

export function registerOverlayHandlers(): void {
  const R = OVERLAY_REQUESTS;
  const db = () => getDb();
  const fromPages = { fromContentScripts: true };
  registerHandler('overlay:advert', R.advert, (r) => advertView(db(), r), fromPages);
  registerHandler('overlay:listing', R.listing, (r) => listingBadges(db(), r.site, r.externalIds), fromPages);
  registerHandler('overlay:candidate', R.candidate, (r) => candidateView(db(), r), fromPages);
  registerHandler('overlay:track', R.track, (r) => trackAdvert(db(), r), fromPages);
  registerHandler('overlay:capture', R.capture, (r) => captureCandidate(db(), r), fromPages);
  registerHandler('overlay:move', R.move, (r) => moveStage(db(), r), fromPages);
  registerHandler('overlay:teams', R.teams, async () => (await db().teams.toArray()).map((t) => ({ id: t.id, name: t.name })), fromPages);
  registerHandler('overlay:profiles', R.profiles, (r) => db().site_profiles.where('host').equals(r.host).toArray(), fromPages);
  registerHandler('overlay:saveProfile', R.saveProfile, async (r) => {
    const { id, ...fields } = r.profile;
    return upsertRecord('site_profiles', id, fields, db());
  }, fromPages);
}
