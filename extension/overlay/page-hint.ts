import type { PageFacts } from '@/messages/overlay';
import { withoutFragment } from './tab-url';
import type { AdvertSummary, Placement } from './views';

/**
 * What the background hands a page with the overlay's script, when it has a tracked advert's
 * summary kept for the tab's URL (background/summary-cache.ts): the content script draws those
 * counts as soon as it has read the page as that same advert, instead of after its first round
 * trip to the background (`overlay:open`, whose answer then confirms or replaces them). It lives
 * in the overlay's isolated world, which the page's scripts cannot reach, and holds what
 * `overlay:open` would give this tab anyway: counts and the vacancy's facts, no names.
 */
export interface PageHint {
  /** The tab's URL without its #fragment, as the background saw it when it injected. */
  url: string;
  /** The advert the summary was kept for, as its page described it (JSON of its PageFacts). */
  page: string;
  summary: AdvertSummary;
  /** Where the person last placed the overlay on this site. */
  placement: Placement;
}

type AdvertFacts = Extract<PageFacts, { kind: 'advert' }>;
/** What the background looks an advert's vacancy up by, besides the URL: the same advert if these are the same. */
type AdvertIdentity = Pick<AdvertFacts, 'site' | 'externalId' | 'reference'>;

/**
 * Run in the page's isolated world by `scripting.executeScript` (so it may use nothing from
 * outside itself), just before the overlay's script.
 */
export function leaveHint(hint: PageHint): void {
  (globalThis as { shortlistHint?: PageHint }).shortlistHint = hint;
}

/**
 * The hint left for this document, taken once (a later reading of the page, after an SPA's
 * URL change, asks the background as usual): only if it was left for this URL and this advert.
 */
export function takeHint(href: string, advert: AdvertIdentity): PageHint | undefined {
  const holder = globalThis as { shortlistHint?: PageHint };
  const hint = holder.shortlistHint;
  delete holder.shortlistHint;
  if (!hint || hint.url !== withoutFragment(href)) return undefined;
  let left: Partial<AdvertIdentity>;
  try {
    left = JSON.parse(hint.page) as Partial<AdvertIdentity>;
  } catch {
    return undefined;
  }
  return left.site === advert.site && left.externalId === advert.externalId && left.reference === advert.reference ? hint : undefined;
}
