/**
 * Golden tests on real pages saved from public sites (read in place from /work/shared, never
 * copied here): each is read by its module and compared with expected.json field by field.
 */
import { describe, expect, it } from 'vitest';
import { siteModules } from '@/sites/index';
import type { AdvertListResult, AdvertResult, SiteResult } from '@/sites/types';
import { parseUkDate } from '@/sites/read/dates';
import { collapse } from '@/sites/read/text';
import { sharedPagesDir, sharedPagesExist } from './helpers';
import { docOf, savedExpected, savedPages, type TestPage } from './pages';

if (!sharedPagesExist) {
  console.warn(`Saved real pages not found at ${sharedPagesDir}: golden tests on them are skipped.`);
}

type Expected = Record<string, unknown>;
type ExpectedJob = { title?: string; employer?: string; location?: string; salary?: string; closing_date?: string; reference?: string; href?: string };

function read(page: TestPage): SiteResult | null {
  const module = siteModules.find((m) => m.id === page.module);
  if (!module) throw new Error(`no module ${page.module}`);
  const url = new URL(page.url);
  expect(module.detect(url), `${page.module} detects ${page.url}`).toBe(true);
  return module.extract(docOf(page), url);
}

/** expected.json writes what a person reads; we store dates as YYYY-MM-DD, so compare the date it names. */
const dateOf = (text: unknown) => (typeof text === 'string' ? parseUkDate(text) : undefined);
/** expected.json keeps a double space in one NHS title; the module collapses whitespace as the README says. */
const text = (v: unknown) => (typeof v === 'string' ? collapse(v) : v);
/** "… (in description text only)" is a note to the reader, not part of the value. */
const withoutNote = (v: unknown) => (typeof v === 'string' ? v.replace(/\s*\(in description text only\)$/, '') : v);

function compareAdvert(result: AdvertResult, expected: Expected) {
  expect(result.kind).toBe('advert');
  expect(result.title).toBe(text(expected.title));
  if ('employer' in expected) expect(result.employer).toBe(expected.employer ?? undefined);
  if ('location' in expected) expect(result.location).toBe(expected.location ?? undefined);
  if ('salary' in expected) expect(result.salary).toBe(withoutNote(expected.salary) ?? undefined);
  if ('closing_date' in expected) expect(result.closingDate).toBe(dateOf(expected.closing_date));
  // expected.json's "reference" is the employer's ref where the page shows one (Civil
  // Service), otherwise the board's job id: we keep those apart (reference / externalId).
  if ('reference' in expected) expect(result.reference ?? result.externalId).toBe(expected.reference);
  // Whatever expected.json marks null (not on the page) must be reported as missing, and nothing else.
  const nulls = { employer: 'employer', location: 'location', salary: 'salary', closing_date: 'closingDate' } as const;
  expect(result.missing).toEqual(
    Object.entries(nulls).filter(([key]) => key in expected && expected[key] === null).map(([, field]) => field),
  );
}

function compareJob(item: AdvertListResult['items'][number] | undefined, job: ExpectedJob, base: string) {
  expect(item).toBeDefined();
  if (!item) return;
  expect(item.title).toBe(job.title);
  if (job.href) expect(item.href).toBe(new URL(job.href, base).href);
  for (const field of ['employer', 'location', 'salary', 'reference'] as const) {
    if (job[field] !== undefined) expect(item[field]).toBe(job[field]);
  }
  if (job.closing_date) expect(item.closingDate).toBe(dateOf(job.closing_date));
}

function compareList(result: AdvertListResult, expected: Expected, base: string) {
  expect(result.kind).toBe('advert-list');
  expect(result.items).toHaveLength(expected.job_count as number);
  if (expected.employer) expect(result.employer).toBe(expected.employer);
  if (expected.total_results) expect(result.total).toBe(Number(String(expected.total_results).replace(/,/g, '')));
  if (expected.first_job) compareJob(result.items[0], expected.first_job as ExpectedJob, base);
  if (expected.second_job) compareJob(result.items[1], expected.second_job as ExpectedJob, base);
  const jobs = (expected.jobs as ExpectedJob[] | undefined) ?? [];
  // Listing titles must not carry the "New" badge (expected.json lists it separately).
  jobs.forEach((job, i) => compareJob(result.items[i], job, base));
}

describe.skipIf(!sharedPagesExist)('golden: saved real pages', () => {
  const expected = savedExpected();
  for (const page of savedPages()) {
    it(`${page.key} reads as expected.json says`, () => {
      const want = expected[page.key];
      expect(want, `expected.json has ${page.key}`).toBeDefined();
      const result = read(page);
      expect(result).not.toBeNull();
      if (!result || !want) return;
      if (result.kind === 'advert-list') compareList(result, want, page.url);
      else if (result.kind === 'advert') compareAdvert(result, want);
      else throw new Error('unexpected candidate result');
    });
  }

  it('covers every page expected.json lists', () => {
    const keys = Object.keys(expected).filter((k) => !k.startsWith('_'));
    expect(savedPages().map((p) => p.key).sort()).toEqual(keys.sort());
  });

  it('decodes the Civil Service pages as ISO-8859-1: the pound sign comes out right', () => {
    const page = savedPages().find((p) => p.key === 'civil-service-jobs/csj_job_detail_page.html');
    const result = page && read(page);
    expect(result?.kind === 'advert' && result.salary).toBe('£53,730');
    expect(page?.html).not.toContain('\ufffd');
  });

  it('does not take LinkedIn description or similar-job dollar figures for a salary', () => {
    const page = savedPages().find((p) => p.module === 'linkedin');
    expect(page?.html).toContain('$');
    const result = page && read(page);
    expect(result?.kind === 'advert' && result.salary).toBeUndefined();
    expect(result?.missing).toContain('salary');
  });

  it('reads legacy Greenhouse titles from the header, not the h1s inside the description', () => {
    const page = savedPages().find((p) => p.key.includes('doordash'));
    expect((page?.html.match(/<h1/g) ?? []).length).toBeGreaterThan(2);
    expect(page && (read(page) as AdvertResult).title).toBe('Senior Analyst, Sales Analytics');
  });
});
