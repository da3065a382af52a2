/** Lever job pages (jobs.lever.co/{company}/{postingId}) and company boards (jobs.lever.co/{company}). */
import { mergeFields, type PostingFields } from './read/posting';
import { advertResult, listItem, listResult, readByMarkup } from './read/result';
import { readStructured } from './read/structured';
import { clean, textAt } from './read/text';
import { absolute, hostIs, isHttp } from './read/url';
import type { AdvertListItem, SiteModule } from './types';

const SITE = 'lever';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const JOB_PATH = new RegExp(`^/([^/]+)/(${UUID})(?:/apply)?/?$`, 'i');
const BOARD_PATH = /^\/([^/]+)\/?$/;

/** "Acme Council - Senior Social Worker" is Lever's page title. */
function employerFromTitle(doc: Document, title: string): string | undefined {
  const pageTitle = clean(doc.title) ?? '';
  const suffix = ` - ${title}`;
  return pageTitle.endsWith(suffix) ? clean(pageTitle.slice(0, -suffix.length)) : undefined;
}

function readJob(doc: Document, url: URL) {
  const title = textAt(doc, '.posting-headline h2', '.posting-headline h1');
  if (!title) return null;
  const logoAlt = doc.querySelector('.main-header-logo img[alt]')?.getAttribute('alt')?.replace(/\s+logo$/i, '');
  const fields = mergeFields<PostingFields>(
    readStructured(doc),
    {
      title,
      employer: employerFromTitle(doc, title) ?? clean(logoAlt),
      location: textAt(doc, '.posting-categories .location', '.posting-category.location'),
      salary: textAt(doc, '[data-qa="salary-range"] .salary-range', '[data-qa="salary-range"] div div', '.posting-salary'),
      externalId: JOB_PATH.exec(url.pathname)?.[2],
    },
  );
  return advertResult(SITE, url, fields);
}

function readBoard(doc: Document, url: URL) {
  const items: AdvertListItem[] = [];
  for (const posting of Array.from(doc.querySelectorAll('.posting'))) {
    const link = posting.querySelector('a.posting-title[href]');
    const href = absolute(link?.getAttribute('href'), url);
    const title = textAt(posting, '[data-qa="posting-name"]', 'h5');
    if (!href || !title) continue;
    items.push(listItem(title, href, {
      externalId: posting.getAttribute('data-qa-posting-id') ?? JOB_PATH.exec(new URL(href).pathname)?.[2],
      location: textAt(posting, '.location'),
    }));
  }
  const employer = clean(doc.querySelector('.main-header-logo img[alt]')?.getAttribute('alt')?.replace(/\s+logo$/i, '')) ?? clean(doc.title);
  return listResult(SITE, url, items, employer ? { employer } : {});
}

export const lever: SiteModule = {
  id: SITE,
  name: 'Lever',
  matches: ['*://jobs.lever.co/*', '*://jobs.eu.lever.co/*'],
  detect: (url) => isHttp(url) && (hostIs(url, 'jobs.lever.co') || hostIs(url, 'jobs.eu.lever.co')) &&
    (JOB_PATH.test(url.pathname) || BOARD_PATH.test(url.pathname)),
  extract: readByMarkup([
    ['.posting-headline', readJob],
    ['.postings-group .posting, .posting a.posting-title', readBoard],
  ]),
  testUrls: {
    match: [
      'https://jobs.lever.co/brightfutures/3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f',
      'https://jobs.lever.co/brightfutures/3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f/apply',
      'https://jobs.lever.co/brightfutures',
      'https://jobs.eu.lever.co/brightfutures/',
    ],
    noMatch: ['https://jobs.lever.co/', 'https://www.lever.co/', 'https://jobs.lever.co/brightfutures/not-a-posting/extra'],
  },
};

