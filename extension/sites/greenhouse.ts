/**
 * Greenhouse job boards: the new layout (job-boards.greenhouse.io) and the legacy one
 * (boards.greenhouse.io), job pages and board listings (including the embed board).
 * Traps: legacy descriptions contain their own h1 elements, so the title is read from the
 * header only; listing titles can carry a "New" badge that is not part of the title.
 */
import { readStructured } from './read/structured';
import { mergeFields, type PostingFields } from './read/posting';
import { advertResult, listItem, listResult, readByMarkup } from './read/result';
import { clean, textAt, textOf } from './read/text';
import { absolute, hostIs, isHttp, param } from './read/url';
import type { AdvertListItem, AdvertListResult, AdvertResult, SiteModule } from './types';

const SITE = 'greenhouse';
const JOB_PATH = /^\/([^/]+)\/jobs\/(\d+)\/?$/;
const EMBED_JOB = /^\/embed\/job_app\/?$/;

function isGreenhouseHost(url: URL): boolean {
  return hostIs(url, 'job-boards.greenhouse.io') || hostIs(url, 'boards.greenhouse.io') ||
    hostIs(url, 'job-boards.eu.greenhouse.io') || hostIs(url, 'boards.eu.greenhouse.io');
}

function jobId(url: URL): string | undefined {
  return JOB_PATH.exec(url.pathname)?.[2] ?? (EMBED_JOB.test(url.pathname) ? param(url, 'token') : undefined);
}

/** "Job Application for {title} at {company}" is the page title on both layouts. */
function employerFromTitle(doc: Document, title: string | undefined): string | undefined {
  const pageTitle = clean(doc.title);
  if (!pageTitle) return undefined;
  const prefix = /^job application for\s+/i;
  if (!prefix.test(pageTitle)) return undefined;
  const rest = pageTitle.replace(prefix, '');
  if (title && rest.toLowerCase().startsWith(`${title.toLowerCase()} at `)) return clean(rest.slice(title.length + 4));
  const at = rest.lastIndexOf(' at ');
  return at > 0 ? clean(rest.slice(at + 4)) : undefined;
}

/** Pay range text: the new layout's .pay-range p.body, the legacy .pay-range spans. */
function payRange(doc: Document): string | undefined {
  const newLayout = Array.from(doc.querySelectorAll('.job__pay-ranges .pay-range p.body')).find(
    (p) => !p.classList.contains('body--medium'),
  );
  return textOf(newLayout) ?? textAt(doc, '.content-pay-transparency .pay-range', '.pay-range');
}

/** "Pay range: $40.00-$60.00 hourly" written as a line of the description. */
function payInDescription(doc: Document): string | undefined {
  for (const el of Array.from(doc.querySelectorAll('#content p, #content strong, .job__description p, .job__description strong'))) {
    const text = textOf(el) ?? '';
    const m = /^(?:pay range|salary range|salary|compensation|pay)\s*:\s*(.{2,80})$/i.exec(text);
    if (m?.[1] && /\d/.test(m[1])) return clean(m[1]);
  }
  return undefined;
}

function readJob(doc: Document, url: URL): AdvertResult | null {
  // Header only: legacy descriptions hold more h1 elements ("About the Team").
  const title = textAt(doc, '.job__title h1', '#header h1.app-title', '#header h1', '.app-title');
  if (!title) return null;
  const companyName = textAt(doc, '#header .company-name')?.replace(/^at\s+/i, '');
  const fields = mergeFields<PostingFields>(
    {
      title,
      employer: clean(companyName) ?? employerFromTitle(doc, title),
      location: textAt(doc, '.job__location', '#header .location'),
      salary: payRange(doc) ?? payInDescription(doc),
      externalId: jobId(url),
    },
    readStructured(doc),
  );
  return advertResult(SITE, url, fields);
}

/** A board row's title without the "New" badge some rows carry inside it. */
function titleWithoutBadge(titleEl: Element | null): string | undefined {
  if (!titleEl) return undefined;
  const copy = titleEl.cloneNode(true) as Element;
  copy.querySelectorAll('.tag-container, .tag-text').forEach((badge) => badge.remove());
  return textOf(copy);
}

/** The two board layouts: each row, the title in it and the location beside it. */
const BOARD_LAYOUTS = [
  // New layout (and embed): tr.job-post > a > p.body--medium (title + badge) + p.body--metadata.
  { rows: 'tr.job-post', title: (row: Element) => titleWithoutBadge(row.querySelector('p.body--medium')), location: 'p.body--metadata' },
  // Legacy layout: div.opening > a + span.location.
  { rows: 'div.opening', title: (row: Element) => textOf(row.querySelector('a[href]')), location: '.location' },
] as const;

function readBoard(doc: Document, url: URL): AdvertListResult | null {
  const heading = textAt(doc, 'h1.page-header', '#main > h1', 'h1');
  const employer = heading?.replace(/^current openings at\s+/i, '');
  const items: AdvertListItem[] = [];
  for (const layout of BOARD_LAYOUTS) {
    for (const row of Array.from(doc.querySelectorAll(layout.rows))) {
      const href = absolute(row.querySelector('a[href]')?.getAttribute('href'), url);
      const title = href ? layout.title(row) : undefined;
      if (!href || !title) continue;
      items.push(listItem(title, href, {
        location: textAt(row, layout.location),
        externalId: JOB_PATH.exec(new URL(href).pathname)?.[2],
        employer,
      }));
    }
  }
  return listResult(SITE, url, items, employer ? { employer } : {});
}

export const greenhouse: SiteModule = {
  id: SITE,
  name: 'Greenhouse job boards',
  matches: ['*://job-boards.greenhouse.io/*', '*://boards.greenhouse.io/*', '*://job-boards.eu.greenhouse.io/*', '*://boards.eu.greenhouse.io/*'],
  detect: (url) => isHttp(url) && isGreenhouseHost(url) && url.pathname.length > 1,
  extract: readByMarkup([
    ['.job__title, #header .app-title, .job-post #header', readJob],
    ['tr.job-post, div.opening', readBoard],
  ]),
  testUrls: {
    match: [
      'https://job-boards.greenhouse.io/theorchard/jobs/7820845002',
      'https://boards.greenhouse.io/doordashusa/jobs/6550267',
      'https://boards.greenhouse.io/2ualumni',
      'https://job-boards.greenhouse.io/embed/job_board?for=solera',
      'https://job-boards.eu.greenhouse.io/acme/jobs/4400123101',
    ],
    noMatch: ['https://www.greenhouse.io/', 'https://boards.greenhouse.io/', 'https://greenhouse.example.com/jobs/123'],
  },
};
