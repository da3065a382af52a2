import { MatchPattern } from 'wxt/utils/match-patterns';
import { describe, expect, it } from 'vitest';
import { patternCovers } from '@/overlay/match-pattern';

/** The background decides where the overlay goes with patternCovers; it must match as the browser does. */
const PATTERNS = ['*://jobs.communitycare.co.uk/*', 'http://127.0.0.1/*', 'https://job-boards.greenhouse.io/*', 'https://*.tal.net/*', 'http://*/*', 'https://*/*', '*://example.org/jobs/*'];
const URLS = [
  'https://jobs.communitycare.co.uk/job/4188275/senior-social-worker/',
  'http://jobs.communitycare.co.uk/jobs/',
  'ftp://jobs.communitycare.co.uk/',
  'https://evil.jobs.communitycare.co.uk.example.com/',
  'https://notjobs.communitycare.co.uk/',
  'http://127.0.0.1:8787/invite/abc',
  'https://127.0.0.1/',
  'https://job-boards.greenhouse.io/theorchard/jobs/7820845002',
  'http://job-boards.greenhouse.io/theorchard/jobs/7820845002',
  'https://tal.net/',
  'https://wessex.tal.net/vx/candidate',
  'https://wessextal.net/',
  'https://example.org/jobs/1',
  'https://example.org/about',
];

describe('patternCovers', () => {
  it('agrees with a match-pattern library on every pattern and URL without a port or query', () => {
    for (const pattern of PATTERNS) {
      const library = new MatchPattern(pattern);
      for (const url of URLS) expect(patternCovers(pattern, new URL(url)), `${pattern} ${url}`).toBe(library.includes(url));
    }
  });

  it('takes any port without one in the pattern, only its own with one (as the demo origin is granted)', () => {
    expect(patternCovers('http://localhost/*', new URL('http://localhost:8790/a'))).toBe(true);
    expect(patternCovers('http://localhost:8790/*', new URL('http://localhost:8790/a'))).toBe(true);
    expect(patternCovers('http://localhost:8790/*', new URL('http://localhost:8791/a'))).toBe(false);
    expect(patternCovers('http://localhost:8790/*', new URL('http://localhost/a'))).toBe(false);
    expect(patternCovers('https://example.org:443/*', new URL('https://example.org/'))).toBe(true);
  });

  it('matches the path with its query, as browsers do, and covers nothing with a pattern it does not know', () => {
    expect(patternCovers('*://example.org/jobs/*', new URL('https://example.org/jobs?id=1'))).toBe(false);
    expect(patternCovers('*://example.org/jobs*', new URL('https://example.org/jobs?id=1'))).toBe(true);
    expect(patternCovers('*://example.org/a.b', new URL('https://example.org/aXb'))).toBe(false);
    for (const odd of ['<all_urls>', 'file:///*', 'https://exa*mple.org/*', 'example.org', 'https://example.org']) expect(patternCovers(odd, new URL('https://example.org/'))).toBe(false);
  });
});
