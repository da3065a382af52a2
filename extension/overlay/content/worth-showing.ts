/**
 * Silence over guesses: a generic reading (a board no module knows) that did not find enough to
 * tell one vacancy from another is not shown at all — no overlay, no "Track this advert". A
 * reading by a site's own module always is.
 */
import { offerTrack } from '@/sites/read/confidence';
import type { SiteResult } from '@/sites/types';

export function worthShowing(result: SiteResult | null): SiteResult | null {
  if (result?.kind === 'advert' && result.found && !offerTrack(result)) return null;
  return result;
}
