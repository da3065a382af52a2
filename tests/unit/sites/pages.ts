/**
 * The catalogue of test pages: saved real pages (read in place from /work/shared, found by
 * listing its expected.json) and pages we wrote (tests/fixtures/pages, found by listing ours).
 * Each with the module that must read it (none for a page that is not an advert) and its URL.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteProfile } from '@/sites/taught';
import { jsonLdPage, loadJson, ownPagesDir, parseHtml, readPage, sharedPagesDir, sharedPagesExist } from './helpers';

export interface TestPage {
  /** Path relative to its pages folder, as expected.json keys it. */
  key: string;
  source: 'saved' | 'own';
  /** The module that must read the page; undefined when no module may read it (not an advert). */
  module?: string;
  /** The module whose platform the page comes from, for a page that is not an advert. */
  platformModule?: string;
  url: string;
  html: string;
  /** What the page is, as its expected.json says: an advert, a listing, a candidate screen. */
  kind?: 'advert' | 'advert-list' | 'candidate';
  /** Taught pages come with the profile that reads them. */
  profile?: SiteProfile;
}

export type SavedExpected = Record<string, unknown> & { platform?: string; page_type?: string; url?: string; encoding?: string };

/**
 * expected.json names the platform in words ("greenhouse-new (job-boards.greenhouse.io)",
 * "Civil Service Jobs (GOV.UK; …)", "oracle_fusion"): the module for each, by prefix.
 * A platform no module knows (a WordPress board) is read by the generic readers.
 */
const PLATFORM_MODULES: Array<[RegExp, string]> = [
  [/^greenhouse/i, 'greenhouse'],
  [/^civil service jobs/i, 'civil-service-jobs'],
  [/^linkedin/i, 'linkedin'],
  [/^nhs jobs/i, 'jsonld'],
  [/^talentlink/i, 'talentlink'],
  [/^eploy/i, 'eploy'],
  [/^itrent/i, 'itrent'],
  [/^oracle/i, 'oracle-recruiting-cloud'],
];

export function platformModule(entry: SavedExpected): string {
  const known = PLATFORM_MODULES.find(([pattern]) => pattern.test(entry.platform ?? ''));
  if (known) return known[1];
  return entry.page_type === 'listing' ? 'generic-listing' : 'generic-advert';
}

const csj = (query: string) => `https://www.civilservicejobs.service.gov.uk/csr/index.cgi?SID=${btoa(query)}`;

/**
 * The only URLs expected.json elides: Civil Service Jobs writes "SID=..." for base64 of the
 * query (rebuilt here with the vacancy id it names) and gives none for the results page.
 * NHS records carry their own `url`.
 */
const ELIDED_URLS: Record<string, string> = {
  'civil-service-jobs/csj_job_detail_page.html': csj('owner=5070000&ownertype=fair&pageclass=Jobs&pageaction=viewvacbyjoblist&joblist_view_vac=1862348'),
  'civil-service-jobs/csj_result_page1.html': csj('owner=5070000&ownertype=fair&pageclass=Search&pageaction=searchcontext&contextid=41177854&sort=closing&page=1'),
};

export function savedExpected(): Record<string, SavedExpected> {
  if (!sharedPagesExist) return {};
  const all = loadJson<Record<string, SavedExpected | string>>(path.join(sharedPagesDir, 'expected.json'));
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, SavedExpected] => !e[0].startsWith('_') && typeof e[1] === 'object'));
}

export const isAdvertOrListing = (entry: SavedExpected) => entry.page_type !== 'not_a_job_page';

export function savedPages(): TestPage[] {
  return Object.entries(savedExpected()).map(([key, entry]) => {
    const encoding = /8859|latin/i.test(entry.encoding ?? '') ? 'latin1' : 'utf-8';
    const raw = readPage(path.join(sharedPagesDir, key), encoding);
    const module = platformModule(entry);
    const page: TestPage = { key, source: 'saved', url: ELIDED_URLS[key] ?? String(entry.url), html: raw };
    if (isAdvertOrListing(entry)) {
      page.module = module;
      page.kind = entry.page_type === 'listing' ? 'advert-list' : 'advert';
    } else page.platformModule = module;
    if (key.endsWith('.json')) {
      // NHS Jobs records are the JobPosting JSON-LD of a vacancy page: serve them in one.
      const record = JSON.parse(raw) as { url: string };
      page.url = ELIDED_URLS[key] ?? record.url;
      page.html = jsonLdPage(raw);
    }
    return page;
  });
}

export interface OwnExpected {
  /** null for our pages that no module may read (tests/fixtures/pages/silent/). */
  module: string | null;
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
    const page: TestPage = { key, source: 'own', url: entry.url, html: readFileSync(file, 'utf8') };
    if (entry.module) page.module = entry.module;
    const kind = entry.result?.kind;
    if (kind === 'advert' || kind === 'advert-list' || kind === 'candidate') page.kind = kind;
    if (entry.profile) page.profile = entry.profile;
    return page;
  });
}

export function allPages(): TestPage[] {
  return [...savedPages(), ...ownPages()];
}

/** Pages some module must read (adverts, listings, candidate screens). */
export const readablePages = () => allPages().filter((p) => p.module);
/** Pages no module may read: saved non-adverts and our ordinary non-job pages. */
export const silentPages = () => allPages().filter((p) => !p.module);

export const docOf = (page: TestPage) => parseHtml(page.html, page.url);
