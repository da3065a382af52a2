import { z } from 'zod';
import { ROLE_LADDER, SHORTLISTING_MODES, SOURCES, STAGES, siteProfileSchema, type Stage } from '#shared/schema/index';
import type { AdvertView, CandidateView, ListingBadge } from '@/overlay/views';
import type { SiteProfile } from '@/sites/index';
import { PAGES, PAGES_AND_CONTENT_SCRIPTS, reply } from './spec';

const text = (max: number) => z.string().trim().min(1).max(max);
const optional = (max: number) => z.string().trim().max(max).optional();
const forOverlay = PAGES_AND_CONTENT_SCRIPTS;

/** What the page overlay asks the background (all validated there: they come from inside web pages), and teach mode. */
export const OVERLAY_MESSAGES = {
  'overlay:advert': {
    request: z.object({ type: z.literal('overlay:advert'), url: z.url(), site: text(40), externalId: optional(80), reference: optional(80) }),
    senders: forOverlay,
    reply: reply<AdvertView>(),
  },
  'overlay:listing': {
    request: z.object({ type: z.literal('overlay:listing'), site: text(40), externalIds: z.array(text(80)).max(500) }),
    senders: forOverlay,
    reply: reply<ListingBadge[]>(),
  },
  'overlay:candidate': {
    request: z.object({ type: z.literal('overlay:candidate'), url: z.url(), reference: optional(80), email: optional(254), name: optional(120) }),
    senders: forOverlay,
    reply: reply<CandidateView>(),
  },
  'overlay:track': {
    request: z.object({
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
    senders: forOverlay,
    reply: reply<{ advertId: string; vacancyId: string }>(),
  },
  'overlay:capture': {
    request: z.object({
      type: z.literal('overlay:capture'),
      vacancyId: z.uuid(),
      name: text(120),
      email: optional(254),
      atsReference: optional(80),
      atsUrl: z.url().optional(),
      source: z.enum(SOURCES),
      experience: z.enum(['nqsw', 'experienced']),
    }),
    senders: forOverlay,
    reply: reply<{ applicationId: string }>(),
  },
  /** Checked in the background by the same `planMove` as the workspace's moves. */
  'overlay:move': {
    request: z.object({
      type: z.literal('overlay:move'),
      applicationId: z.uuid(),
      stage: z.enum(STAGES),
      reason: optional(40),
      interviewAt: z.iso.datetime({ offset: true }).optional(),
      note: optional(2000),
    }),
    senders: forOverlay,
    reply: reply<{ stage: Stage }>(),
  },
  'overlay:teams': { request: z.object({ type: z.literal('overlay:teams') }), senders: forOverlay, reply: reply<Array<{ id: string; name: string }>>() },
  'overlay:profiles': { request: z.object({ type: z.literal('overlay:profiles'), host: text(253) }), senders: forOverlay, reply: reply<SiteProfile[]>() },
  'overlay:saveProfile': { request: z.object({ type: z.literal('overlay:saveProfile'), profile: siteProfileSchema }), senders: forOverlay, reply: reply<SiteProfile>() },
  /** From the popup to the open tab's overlay: step aside and teach this page. */
  'teach:start': { request: z.object({ type: z.literal('teach:start') }), senders: PAGES, to: 'tab' as const, reply: reply<void>() },
};
