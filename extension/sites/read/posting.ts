import type { AdvertResult } from '../types';
/** The advert fields a schema.org JobPosting gives, whichever syntax it came in. */
export interface PostingFields extends Partial<Pick<AdvertResult, 'title' | 'employer' | 'location' | 'salary' | 'closingDate' | 'postedDate' | 'reference' | 'externalId'>> {
  description?: string;
}

/** Earlier sources win; later ones only fill gaps. */
export function mergeFields<T extends object>(...sources: Array<Partial<T> | undefined>): Partial<T> {
  const out: Partial<T> = {};
  for (const source of sources) {
    if (!source) continue;
    for (const [key, value] of Object.entries(source) as Array<[keyof T, T[keyof T]]>) {
      if (value !== undefined && value !== null && value !== '' && out[key] === undefined) out[key] = value;
    }
  }
  return out;
}
