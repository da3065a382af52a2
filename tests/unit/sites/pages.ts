/**
 * The catalogue of test pages: saved real pages (read in place from /work/shared) and pages
 * we wrote (tests/fixtures/pages). Each with the module that must read it and its URL.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteProfile } from '@/sites/taught';
import { jsonLdPage, loadJson, ownPagesDir, parseHtml, readPage, sharedPagesDir, sharedPagesExist } from './helpers';

export interface TestPage {
  /** Path relative to its pages folder, as expected.json keys it. */
  key: string;
  source: 'saved' | 'own';
  module: string;
  url: string;
  html: string;
  /** Taught pages come with the profile that reads them. */
  profile?: SiteProfile;
}

const csj = (query: string) => `https://www.civilservicejobs.service.gov.uk/csr/index.cgi?SID=${btoa(query)}`;

/**
 * Saved pages: module and the URL to read them at. expected.json's URLs are used as they are,
 * except where it gives none or an elided one: the Civil Service pages ("SID=..." stands for
 * base64 of the query, rebuilt here with the vacancy id it names) and the NHS records (the
 * record's own `url`).
 */
const SAVED: Array<{ key: string; module: string; url?: string; encoding?: 'latin1' }> = [
  { key: 'greenhouse/gh_jobboards_theorchard_job_7820845002.html', module: 'greenhouse' },
  { key: 'greenhouse/gh_legacy_doordashusa_job_6550267.html', module: 'greenhouse' },
  { key: 'greenhouse/gh_legacy_typeface_job_4632529007.html', module: 'greenhouse' },
  { key: 'greenhouse/gh_legacy_board_2ualumni.html', module: 'greenhouse' },
  { key: 'greenhouse/gh_jobboards_embed_board_solera.html', module: 'greenhouse' },
  {
    key: 'civil-service-jobs/csj_job_detail_page.html',
    module: 'civil-service-jobs',
    url: csj('owner=5070000&ownertype=fair&pageclass=Jobs&pageaction=viewvacbyjoblist&joblist_view_vac=1862348'),
    encoding: 'latin1',
  },
  {
    key: 'civil-service-jobs/csj_result_page1.html',
    module: 'civil-service-jobs',
    url: csj('owner=5070000&ownertype=fair&pageclass=Search&pageaction=searchcontext&contextid=41177854&sort=closing&page=1'),
    encoding: 'latin1',
  },
  { key: 'linkedin/linkedin_au_jobview_heidi_4411867124.html', module: 'linkedin' },
  { key: 'nhs-jobs-legacy/nhs_jsonld_915390428.json', module: 'jsonld' },
  { key: 'nhs-jobs-legacy/nhs_jsonld_915703330.json', module: 'jsonld' },
];

export type SavedExpected = Record<string, unknown> & { url?: string };

export function savedExpected(): Record<string, SavedExpected> {
  return sharedPagesExist ? loadJson(path.join(sharedPagesDir, 'expected.json')) : {};
}

export function savedPages(): TestPage[] {
  if (!sharedPagesExist) return [];
  const expected = savedExpected();
  return SAVED.map(({ key, module, url, encoding }) => {
    const raw = readPage(path.join(sharedPagesDir, key), encoding ?? 'utf-8');
    if (key.endsWith('.json')) {
      // NHS Jobs records are the JobPosting JSON-LD of a vacancy page: serve them in one.
      const record = JSON.parse(raw) as { url: string };
      return { key, source: 'saved' as const, module, url: url ?? record.url, html: jsonLdPage(raw) };
    }
    return { key, source: 'saved' as const, module, url: url ?? String(expected[key]?.url), html: raw };
  });
}

export interface OwnExpected {
  module: string;
  url: string;
  profile?: SiteProfile;
  result: Record<string, unknown> | null;
}

export function ownExpected(): Record<string, OwnExpected> {
  const all = loadJson<Record<string, OwnExpected | string>>(path.join(ownPagesDir, 'expected.json'));
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, OwnExpected] => typeof e[1] === 'object'));
}

export function ownPages(): TestPage[] {
  return Object.entries(ownExpected()).map(([key, entry]) => {
    const file = path.join(ownPagesDir, key);
    if (!existsSync(file)) throw new Error(`expected.json names a missing page: ${key}`);
    const page: TestPage = { key, source: 'own', module: entry.module, url: entry.url, html: readFileSync(file, 'utf8') };
    if (entry.profile) page.profile = entry.profile;
    return page;
  });
}

export function allPages(): TestPage[] {
  return [...savedPages(), ...ownPages()];
}

export const docOf = (page: TestPage) => parseHtml(page.html, page.url);
