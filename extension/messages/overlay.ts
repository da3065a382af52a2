import * as z from 'zod/mini';
import { siteProfileSchema } from '#shared/schema/index';
import type { FrameView, OverlayOpened } from '@/overlay/views';
import type { SiteProfile } from '@/sites/index';
import { CONTENT_SCRIPTS, OVERLAY_FRAME, PAGES, reply } from './spec';

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const optional = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max)));
/** The random id the background gave one overlay session (one page of one tab). */
const session = z.string().check(z.regex(/^[0-9a-f]{32}$/));

/**
 * What the content script read from the page: the page's own words, validated as untrusted
 * input. No URL: the background takes the page's address from the tab itself (sender.tab.url).
 * A plain union: each kind is a distinct literal, so it takes exactly what a discriminated union
 * would, and the service worker need not carry zod's discriminated-union code (0.5 KB gzip,
 * issue 15); a refusal names no field then, which only our content script ever reads.
 */
export const pageFactsSchema = z.union([
  z.object({
    kind: z.literal('advert'),
    site: text(80),
    title: text(300),
    employer: optional(200),
    location: optional(200),
    salary: optional(200),
    externalId: optional(80),
    reference: optional(80),
    /** A generic reading's fields (boards no module knows): shown before tracking, so a person sees what was read. */
    found: z.optional(z.array(z.enum(['title', 'employer', 'location', 'salary', 'closingDate', 'reference'])).check(z.maxLength(6))),
    closingDate: z.optional(z.iso.date()),
    postedDate: z.optional(z.iso.date()),
    expired: z.boolean(),
  }),
  z.object({ kind: z.literal('candidate'), site: text(80), name: optional(120), reference: optional(80), email: optional(254) }),
  z.object({
    kind: z.literal('advert-list'),
    site: text(80),
    items: z.array(z.object({ externalId: optional(80), href: z.url() })).check(z.maxLength(500)),
  }),
]);

/**
 * The overlay's messages. The content script reads the page and opens a session; what the
 * frame shows comes from the background, tied to that session and checked against the tab's
 * real URL. The frame's writes (track, capture, move) are its own, with the facts of a fresh
 * `overlay:view` (overlay/frame/actions.ts).
 */
export const OVERLAY_MESSAGES = {
  /** The taught profiles for the tab's own host (never a host the page names). */
  'overlay:profiles': { request: z.object({ type: z.literal('overlay:profiles') }), senders: CONTENT_SCRIPTS, reply: reply<SiteProfile[]>() },
  /** "This tab shows this page": starts a session; listing pages also get their badges. */
  'overlay:open': { request: z.object({ type: z.literal('overlay:open'), page: pageFactsSchema }), senders: CONTENT_SCRIPTS, reply: reply<OverlayOpened>() },
  /** Teach mode's code is loaded into the tab only when a person starts teaching (it is not in every page's content script). */
  'overlay:teach': { request: z.object({ type: z.literal('overlay:teach') }), senders: CONTENT_SCRIPTS, reply: reply<true>() },
  'overlay:saveProfile': { request: z.object({ type: z.literal('overlay:saveProfile'), profile: siteProfileSchema }), senders: CONTENT_SCRIPTS, reply: reply<SiteProfile>() },
  /** The frame's whole view: what the page said and what the council knows about it. */
  'overlay:view': { request: z.object({ type: z.literal('overlay:view'), session }), senders: OVERLAY_FRAME, reply: reply<FrameView>() },
  /** The frame's size and placement, passed on to the content script that positions it. */
  'overlay:layout': {
    request: z.object({
      type: z.literal('overlay:layout'),
      session,
      width: z.number().check(z.minimum(0), z.maximum(10_000)),
      height: z.number().check(z.minimum(0), z.maximum(10_000)),
      right: z.number().check(z.minimum(0), z.maximum(10_000)),
      bottom: z.number().check(z.minimum(0), z.maximum(10_000)),
    }),
    senders: OVERLAY_FRAME,
    reply: reply<true>(),
  },
  /** From the popup to the open tab's content script: step aside and teach this page. */
  'teach:start': { request: z.object({ type: z.literal('teach:start') }), senders: PAGES, to: 'tab' as const, reply: reply<void>() },
  /** From the background to the tab's content script: where the frame goes and how big it is. */
  'overlay:place': {
    request: z.object({ type: z.literal('overlay:place'), session, width: z.number(), height: z.number(), right: z.number(), bottom: z.number() }),
    senders: PAGES,
    to: 'tab' as const,
    reply: reply<void>(),
  },
};

export type PageFacts = z.output<typeof pageFactsSchema>;
