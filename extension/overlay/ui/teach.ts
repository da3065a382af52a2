import type { SiteProfile } from '@/sites/index';

export type TeachKind = 'candidate' | 'advert';
export type TeachField = 'name' | 'reference' | 'stage' | 'email' | 'title' | 'closingDate';

/** What a person points at, in order; the optional ones can be skipped. */
export const TEACH_STEPS: Record<TeachKind, Array<{ field: TeachField; prompt: string; optional: boolean }>> = {
  candidate: [
    { field: 'name', prompt: "Click the candidate's name", optional: false },
    { field: 'reference', prompt: "Click the candidate's reference (applicant ID)", optional: false },
    { field: 'stage', prompt: 'Click the stage or status the system shows', optional: true },
    { field: 'email', prompt: "Click the candidate's email address", optional: true },
  ],
  advert: [
    { field: 'title', prompt: "Click the job's title", optional: false },
    { field: 'reference', prompt: "Click the job's reference", optional: false },
    { field: 'closingDate', prompt: 'Click the closing date', optional: true },
  ],
};

/**
 * A path pattern for "pages like this one": segments that carry an id (digits, or long
 * opaque tokens) become `*`, so one profile reads every candidate's page.
 */
export function suggestPathPattern(url: URL): string {
  const segments = url.pathname.split('/').map((s) => (/\d/.test(s) || s.length > 24 ? '*' : s));
  return segments.join('/') || '/';
}

export function buildProfile(id: string, url: URL, kind: TeachKind, fields: Partial<Record<TeachField, string>>): SiteProfile {
  return { id, host: url.hostname, pathPattern: suggestPathPattern(url), kind, fields, exampleUrl: url.href };
}
