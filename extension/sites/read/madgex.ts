/**
 * Reading shared by Madgex job boards (Community Care Jobs, Guardian Jobs and others):
 * job pages /job/{jobId}/{slug}/ and listings of li.lister__item#item-{jobId}.
 */
import type { AdvertListItem, AdvertListResult, AdvertResult } from '../types';
import { parseUkDate } from './dates';
import { ADVERT_LABELS, readLabelled } from './labels';
import { mergeFields, type PostingFields } from './posting';
import { advertResult, listResult } from './result';
import { scriptObject } from './script-object';
import { readStructured } from './structured';
import { clean, textAt, textOf } from './text';
import { absolute, pageReferences } from './url';

export const MADGEX_JOB_PATH = /^\/job\/(\d+)(?:\/|$)/i;
/** Listing and search pages: /jobs/, /jobs/2/, /jobs/some-category/, /searchjobs/?Keywords=... */
export const MADGEX_LIST_PATH = /^\/(jobs|searchjobs)(\/|$)/i;

export function isMadgexPath(url: URL): boolean {
  return MADGEX_JOB_PATH.test(url.pathname) || MADGEX_LIST_PATH.test(url.pathname);
}

type Layer = Record<string, unknown>;

/** The first object of the page's ClientGoogleTagManagerDataLayer (an array or a bare object). */
export function readDataLayer(doc: Document): Layer | undefined {
  const value = scriptObject(doc, 'ClientGoogleTagManagerDataLayer');
  const items = Array.isArray(value) ? value : [value];
  const objects = items.filter((v): v is Layer => typeof v === 'object' && v !== null && !Array.isArray(v));
  return objects.find((o) => o.JobId !== undefined) ?? objects[0];
}

function str(layer: Layer, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const v = layer[key];
    if (typeof v === 'string' || typeof v === 'number') {
      const text = clean(String(v));
      if (text) return text;
    }
  }
  return undefined;
}

function fromDataLayer(layer: Layer | undefined): PostingFields | undefined {
  if (!layer) return undefined;
  return {
    title: str(layer, 'JobTitle', 'job', 'jobTitle'),
    employer: str(layer, 'recruiter', 'Recruiter', 'RecruiterName'),
    location: str(layer, 'LocationDescription'),
    salary: str(layer, 'SalaryDescription'),
    reference: str(layer, 'JobRef'),
    externalId: str(layer, 'JobId'),
    postedDate: parseUkDate(str(layer, 'JobDatePosted')),
    closingDate: parseUkDate(str(layer, 'JobDateCloses', 'JobClosingDate', 'JobExpiryDate')),
  };
}

function fromLabels(doc: Document): PostingFields {
  const labels = readLabelled(doc, {
    employer: ADVERT_LABELS.employer,
    location: ADVERT_LABELS.location,
    salary: ADVERT_LABELS.salary,
    closingDate: ADVERT_LABELS.closingDate,
    postedDate: ADVERT_LABELS.postedDate,
    reference: ADVERT_LABELS.reference,
  });
  return { ...labels, closingDate: parseUkDate(labels.closingDate), postedDate: parseUkDate(labels.postedDate) };
}

/** Madgex pages carry its design system (mds-*), its data layer or its lister markup. */
export function looksLikeMadgex(doc: Document): boolean {
  return (
    readDataLayer(doc) !== undefined ||
    doc.querySelector('[class*="mds-"], li.lister__item, [class*="lister__"]') !== null ||
    pageReferences(doc, /madgex/i)
  );
}

export function isExpired(doc: Document): boolean {
  return Array.from(doc.querySelectorAll('[role="alert"]')).some((el) => /this job has expired/i.test(textOf(el) ?? ''));
}

/** A job page, read in order: JSON-LD, then the data layer, then label-matched dt/dd. */
export function readMadgexJob(doc: Document, url: URL, site: string): AdvertResult | null {
  const idFromUrl = MADGEX_JOB_PATH.exec(url.pathname)?.[1];
  const fields = mergeFields<PostingFields>(
    readStructured(doc),
    fromDataLayer(readDataLayer(doc)),
    fromLabels(doc),
    { title: textAt(doc, 'h1[itemprop="title"]', 'main h1', 'h1'), externalId: idFromUrl },
  );
  return advertResult(site, url, { ...fields, expired: isExpired(doc) });
}

function listItem(li: Element, base: URL): AdvertListItem | null {
  const link = li.querySelector('.lister__header a[href], h3 a[href], a[href*="/job/"]');
  const title = textOf(link) ?? textAt(li, '.lister__header');
  const href = absolute(link?.getAttribute('href'), base);
  if (!title || !href) return null;
  const item: AdvertListItem = { title, href };
  const id = /^item-(\d+)$/.exec(li.id)?.[1] ?? MADGEX_JOB_PATH.exec(new URL(href).pathname)?.[1];
  if (id) item.externalId = id;
  const location = textAt(li, '.lister__meta-item--location');
  const salary = textAt(li, '.lister__meta-item--salary');
  const employer = textAt(li, '.lister__meta-item--recruiter');
  const closing = parseUkDate(textAt(li, '.lister__meta-item--closing-date, .lister__meta-item--expiry'));
  if (location) item.location = location;
  if (salary) item.salary = salary;
  if (employer) item.employer = employer;
  if (closing) item.closingDate = closing;
  return item;
}

/** A listing or search results page. */
export function readMadgexList(doc: Document, url: URL, site: string): AdvertListResult | null {
  const rows = Array.from(doc.querySelectorAll('li[id^="item-"]'));
  const items = rows.map((li) => listItem(li, url)).filter((i): i is AdvertListItem => i !== null);
  const total = Number((textAt(doc, '.search-header__count, [data-testid="job-count"]') ?? '').replace(/[^\d]/g, ''));
  return listResult(site, url, items, total > 0 ? { total } : {});
}

/** Job page, listing, or null. */
export function readMadgex(doc: Document, url: URL, site: string): AdvertResult | AdvertListResult | null {
  if (!looksLikeMadgex(doc)) return null;
  if (MADGEX_JOB_PATH.test(url.pathname)) return readMadgexJob(doc, url, site);
  return readMadgexList(doc, url, site);
}
