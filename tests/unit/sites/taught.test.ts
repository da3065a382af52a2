/** Taught site profiles: URL matching, reading, and selectors for what the user points at. */
import { describe, expect, it } from 'vitest';
import { extractWithProfile, profileMatches, selectorFor, type SiteProfile } from '@/sites/taught';
import { looksGenerated } from '@/sites/read/selector';
import { docOf, ownPages } from './pages';

const pages = ownPages().filter((p) => p.profile);
const page = (name: string) => {
  const found = pages.find((p) => p.key === `taught/${name}.html`);
  if (!found?.profile) throw new Error(name);
  return { page: found, profile: found.profile, doc: docOf(found) };
};

const profile = (over: Partial<SiteProfile>): SiteProfile => ({
  id: 'p', host: 'ats.example.gov.uk', pathPattern: '/candidates/*', kind: 'candidate', fields: {}, ...over,
});

describe('profileMatches', () => {
  it.each([
    [profile({}), 'https://ats.example.gov.uk/candidates/42', true],
    [profile({}), 'https://ATS.example.gov.uk/candidates/42', true],
    [profile({}), 'https://ats.example.gov.uk/candidates/42/notes', false], // * stays within a segment
    [profile({ pathPattern: '/candidates/**' }), 'https://ats.example.gov.uk/candidates/42/notes', true],
    [profile({}), 'https://other.example.gov.uk/candidates/42', false],
    [profile({ host: '*.example.gov.uk' }), 'https://ats.example.gov.uk/candidates/42', true],
    [profile({ host: '*.example.gov.uk' }), 'https://example.gov.uk.evil.test/candidates/42', false],
    [profile({ pathPattern: '/App.aspx?id=*' }), 'https://ats.example.gov.uk/App.aspx?id=9', true],
    [profile({ pathPattern: '/App.aspx?id=*' }), 'https://ats.example.gov.uk/AppXaspx?id=9', false], // dots are literal
    [profile({ pathPattern: '/^\\/c\\/\\d+$/' }), 'https://ats.example.gov.uk/c/12', true],
    [profile({ pathPattern: '/^\\/c\\/\\d+$/' }), 'https://ats.example.gov.uk/c/ab', false],
    [profile({ pathPattern: '^/c/(' }), 'https://ats.example.gov.uk/c/12', false], // a broken regex matches nothing
    [profile({}), 'ftp://ats.example.gov.uk/candidates/42', false],
  ])('%# %s', (p, url, expected) => {
    expect(profileMatches(p, new URL(url))).toBe(expected);
  });
});

describe('extractWithProfile', () => {
  it('is null where the profile does not apply', () => {
    const { profile: p, doc } = page('candidate-ids');
    expect(extractWithProfile(p, doc, new URL('https://recruit.northshire.gov.uk/Recruiter/Search.aspx'))).toBeNull();
  });

  it('is null when none of the taught elements are on the page (a different screen on the same path)', () => {
    const { profile: p, page: pg } = page('candidate-ids');
    const other = docOf({ ...pg, html: '<p>Session expired</p>' });
    expect(extractWithProfile(p, other, new URL(pg.url))).toBeNull();
  });

  it('reports taught fields the page no longer shows as missing', () => {
    const { profile: p, page: pg } = page('candidate-ids');
    const partial = docOf({ ...pg, html: '<h2 id="ctl00_Main_lblCandidateName">Amara Okafor</h2>' });
    expect(extractWithProfile(p, partial, new URL(pg.url))).toMatchObject({ name: 'Amara Okafor', missing: ['reference', 'stage', 'email'] });
  });

  it('survives a stored selector the DOM cannot parse', () => {
    const { profile: p, doc, page: pg } = page('candidate-ids');
    const broken = { ...p, fields: { ...p.fields, stage: 'div[[[' } };
    expect(extractWithProfile(broken, doc, new URL(pg.url))).toMatchObject({ name: 'Amara Okafor', missing: ['stage'] });
  });
});

describe('selectorFor', () => {
  const check = (doc: Document, el: Element | null | undefined) => {
    expect(el).toBeTruthy();
    const selector = selectorFor(el as Element);
    expect(selector).toBeDefined();
    const found = doc.querySelectorAll(selector as string);
    expect(found.length).toBe(1);
    expect(found[0]).toBe(el);
    return selector as string;
  };

  it('prefers a stable id', () => {
    const { doc } = page('candidate-ids');
    expect(check(doc, doc.querySelector('#ctl00_Main_lblAppRef'))).toBe('#ctl00_Main_lblAppRef');
  });

  it('uses data-*, aria-label and name over generated ids and classes', () => {
    const { doc } = page('candidate-attributes');
    expect(check(doc, doc.querySelector('h1'))).toBe('h1[data-field="candidate-name"]');
    expect(check(doc, doc.querySelector('[aria-label]'))).toBe('span[aria-label="Candidate reference"]');
    expect(check(doc, doc.querySelector('select'))).toBe('select[name="stage"]');
  });

  it('falls back to a short nth-of-type path anchored on a stable ancestor, with no generated tokens', () => {
    const { doc } = page('candidate-attributes');
    const email = Array.from(doc.querySelectorAll('span')).find((s) => s.textContent?.includes('@'));
    const selector = check(doc, email);
    // Anchored on the nearest ancestor named by a stable token (here the semantic class "card").
    expect(selector).toBe('section.card > div > div:nth-of-type(3) > span:nth-of-type(2)');
    for (const token of ['jsx-3812445', 'r-7f3a9c21', 'css-9x8y7z6', ':r1:', 'css-1k2l3m4', 'emotion-1abc23']) {
      expect(selector).not.toContain(token);
    }
  });

  it('builds a path on a page with nothing stable but structure', () => {
    const { doc } = page('vacancy-record');
    const cells = Array.from(doc.querySelectorAll('.row > .col:nth-of-type(2)'));
    for (const cell of cells) check(doc, cell);
  });

  it('the selectors it makes read the same values the profile reads', () => {
    const { doc, profile: p, page: pg } = page('candidate-attributes');
    const email = Array.from(doc.querySelectorAll('span')).find((s) => s.textContent?.includes('@')) as Element;
    const taught = { ...p, fields: { ...p.fields, email: selectorFor(email) as string } };
    expect(extractWithProfile(taught, doc, new URL(pg.url))).toMatchObject({ email: 'tomasz.nowak@example.net' });
  });

  it.each([
    ['css-1q2w3e4', true], ['sc-bdVaJa9', true], ['jsx-3812445', true], ['ember123', true], [':r1:', true],
    ['r-7f3a9c21', true], ['a1b2c3d4e5f6', true],
    ['candidate-name', false], ['ctl00_Main_lblStage', false], ['stage', false], ['vacancy-1', false], ['details', false],
  ])('looksGenerated(%s) is %s', (token, expected) => {
    expect(looksGenerated(token)).toBe(expected);
  });
});
