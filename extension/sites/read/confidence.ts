/**
 * How sure a reading is. The overlay offers "Track this advert" only when the page was
 * seen to name the advert (a title) and at least two of the facts that tell one vacancy
 * from another: employer, closing date, reference, salary. Location does not count: a
 * council's "Work for us" page names a town too.
 */
import type { AdvertField, AdvertResult, SiteResult } from '../types';

export const TRACK_FACTS: readonly AdvertField[] = ['employer', 'closingDate', 'reference', 'salary'];

/** The advert fields a reading found: what the generic readers recorded, else what it holds. */
export function foundFields(result: AdvertResult): AdvertField[] {
  if (result.found) return [...result.found];
  const all: AdvertField[] = ['title', 'employer', 'location', 'salary', 'closingDate', 'reference'];
  return all.filter((f) => typeof result[f] === 'string' && result[f] !== '');
}

/** True when the result is an advert read well enough to offer "Track this advert". */
export function offerTrack(result: SiteResult | null | undefined): boolean {
  if (!result || result.kind !== 'advert') return false;
  const found = foundFields(result);
  if (!found.includes('title') || !result.title.trim()) return false;
  return TRACK_FACTS.filter((f) => found.includes(f)).length >= 2;
}
