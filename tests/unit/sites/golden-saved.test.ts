/**
 * Golden tests on real pages saved from public sites (read in place from /work/shared, never
 * copied here), found by listing its expected.json: each advert or listing is read by its
 * module and compared with expected.json field by field; each page that is not an advert
 * is read by nothing at all.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recognise, siteModules } from '@/sites/index';
import type { AdvertResult, SiteResult } from '@/sites/types';
import { sharedPagesDir, sharedPagesExist } from './helpers';
import { docOf, savedExpected, savedPages, type TestPage } from './pages';
import { savedChecks } from './saved-checks';

if (!sharedPagesExist) {
  console.warn(`Saved real pages not found at ${sharedPagesDir}: golden tests on them are skipped.`);
}

function read(page: TestPage): SiteResult | null {
  const module = siteModules.find((m) => m.id === page.module);
  if (!module) throw new Error(`no module ${page.module}`);
  const url = new URL(page.url);
  expect(module.detect(url), `${page.module} detects ${page.url}`).toBe(true);
  return module.extract(docOf(page), url);
}

/** expected.json fields an advert must report as missing when it marks them null. */
const MISSING_WHEN_NULL: Record<string, string> = { employer: 'employer', location: 'location', salary: 'salary', closing_date: 'closingDate', reference: 'reference' };

describe.skipIf(!sharedPagesExist)('golden: saved real pages', () => {
  const expected = savedExpected();
  const pages = savedPages();

  it('covers every page expected.json lists, and expected.json lists every saved page', () => {
    const files = readdirSync(sharedPagesDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(html?|json)$/i.test(f) && f !== 'expected.json')
      .map((f) => f.split(path.sep).join('/'));
    expect(pages.map((p) => p.key).sort()).toEqual(Object.keys(expected).sort());
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  describe.each(pages.filter((p) => p.module).map((p) => [p.key, p] as const))('%s', (key, page) => {
    const want = expected[key] ?? {};
    const module = siteModules.find((m) => m.id === page.module);
    const url = new URL(page.url);
    const detected = module?.detect(url) ?? false;
    const result = detected && module ? module.extract(docOf(page), url) : null;
    const checks = savedChecks(want, result, page.url);

    it(`is detected and read by ${page.module}`, () => {
      expect(detected, `${page.module} detects ${page.url}`).toBe(true);
      expect(result).not.toBeNull();
    });

    it.each(checks.map((c) => [c.field, c] as const))('%s as expected.json says', (_field, check) => {
      expect(check.got).toEqual(check.want);
    });

    if (want.page_type !== 'listing') {
      it('reports as missing exactly what expected.json marks null', () => {
        const missing = Object.entries(MISSING_WHEN_NULL).filter(([k]) => k in want && want[k] === null).map(([, f]) => f);
        const reported = ((result as AdvertResult | null)?.missing ?? []).filter((f) => Object.values(MISSING_WHEN_NULL).includes(f));
        expect(reported.sort()).toEqual(missing.sort());
      });
    }
  });

  it.each(pages.filter((p) => !p.module).map((p) => [p.key, p] as const))('%s is not an advert: nothing recognises it', (_key, page) => {
    expect(recognise(new URL(page.url), docOf(page))).toBeNull();
  });

  it('decodes the Civil Service pages as ISO-8859-1: the pound sign comes out right', () => {
    const page = pages.find((p) => p.key === 'civil-service-jobs/csj_job_detail_page.html');
    const result = page && read(page);
    expect(result?.kind === 'advert' && result.salary).toBe('£53,730');
    expect(page?.html).not.toContain('\ufffd');
  });

  it('does not take LinkedIn description or similar-job dollar figures for a salary', () => {
    const page = pages.find((p) => p.module === 'linkedin');
    expect(page?.html).toContain('$');
    const result = page && read(page);
    expect(result?.kind === 'advert' && result.salary).toBeUndefined();
    expect(result?.missing).toContain('salary');
  });

  it('reads legacy Greenhouse titles from the header, not the h1s inside the description', () => {
    const page = pages.find((p) => p.key.includes('doordash'));
    expect((page?.html.match(/<h1/g) ?? []).length).toBeGreaterThan(2);
    expect(page && (read(page) as AdvertResult).title).toBe('Senior Analyst, Sales Analytics');
  });

  it('does not read the Eploy closing dates hidden with display:none', () => {
    const page = pages.find((p) => p.module === 'eploy');
    expect(page?.html).toMatch(/id="li_VacV_AdvertisingEndDate_639" style="display:none;"/);
    const result = page && read(page);
    expect(result?.kind === 'advert-list' && result.items.map((i) => i.closingDate)).toEqual(['2026-09-14', undefined, undefined]);
  });
});
