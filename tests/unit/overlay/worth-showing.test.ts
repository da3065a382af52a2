/** The overlay shows a generic reading only when it found enough to tell one vacancy from another. */
import { describe, expect, it } from 'vitest';
import { worthShowing } from '@/overlay/content/worth-showing';
import type { AdvertResult, SiteResult } from '@/sites/types';

const reading = (over: Partial<AdvertResult>): AdvertResult => ({
  kind: 'advert', site: 'generic-advert', url: 'https://jobs.example.org/job/1', title: 'Social Worker', expired: false, missing: [], ...over,
});

describe('worthShowing', () => {
  it('keeps a generic reading with a title and two of employer, closing date, reference, salary', () => {
    const r = reading({ employer: 'Wessex Council', salary: '£40,000', found: ['title', 'employer', 'salary'] });
    expect(worthShowing(r)).toBe(r);
  });

  it('drops a generic reading with one such fact: no overlay, no "Track this advert"', () => {
    expect(worthShowing(reading({ employer: 'Wessex Council', location: 'Wessex', found: ['title', 'employer', 'location'] }))).toBeNull();
  });

  it('keeps whatever a site module of its own read, and listings and candidates as they are', () => {
    const own = reading({ site: 'linkedin', employer: 'Heidi' });
    expect(worthShowing(own)).toBe(own);
    const list: SiteResult = { kind: 'advert-list', site: 'generic-listing', url: 'https://x.test/', items: [], missing: [] };
    expect(worthShowing(list)).toBe(list);
    expect(worthShowing(null)).toBeNull();
  });
});
