/**
 * Workable careers pages (apply.workable.com/{company}/j/{shortcode}/). The page is an app:
 * its JSON-LD JobPosting is served with the HTML, the data-ui markup appears once rendered.
 */
import { mergeFields, type PostingFields } from './read/posting';
import { advertResult, listItem, listResult, safely } from './read/result';
import { findJsonLd } from './read/jsonld';
import { readStructured } from './read/structured';
import { textAt } from './read/text';
import { absolute, hostIs, isHttp, pageReferences } from './read/url';
import type { AdvertListItem, SiteModule } from './types';

const SITE = 'workable';
const JOB_PATH = /^\/([^/]+)\/j\/([0-9A-F]{6,12})\/?(?:apply\/?)?$/i;
const BOARD_PATH = /^\/([^/]+)\/?$/;

function isWorkablePage(doc: Document): boolean {
  return doc.querySelector('[data-ui="job-title"], [data-ui="job"], [data-ui="overview"]') !== null ||
    pageReferences(doc, /workable(cdn)?\.com/i);
}

function readJob(doc: Document, url: URL) {
  const fields = mergeFields<PostingFields>(readStructured(doc), {
    title: textAt(doc, '[data-ui="job-title"]', 'main h1'),
    location: textAt(doc, '[data-ui="job-location"]'),
    salary: textAt(doc, '[data-ui="job-salary"]'),
    employer: textAt(doc, '[data-ui="company-name"]'),
    externalId: JOB_PATH.exec(url.pathname)?.[2],
  });
  return advertResult(SITE, url, fields);
}

function readBoard(doc: Document, url: URL) {
  const items: AdvertListItem[] = [];
  for (const row of Array.from(doc.querySelectorAll('[data-ui="job"]'))) {
    const link = row.querySelector('a[href]') ?? (row.tagName === 'A' ? row : null);
    const href = absolute(link?.getAttribute('href'), url);
    const title = textAt(row, '[data-ui="job-title"]', 'h3');
    if (!href || !title) continue;
    items.push(listItem(title, href, {
      externalId: JOB_PATH.exec(new URL(href).pathname)?.[2],
      location: textAt(row, '[data-ui="job-location"]'),
    }));
  }
  return listResult(SITE, url, items);
}

export const workable: SiteModule = {
  id: SITE,
  name: 'Workable',
  matches: ['*://apply.workable.com/*'],
  detect: (url) => isHttp(url) && hostIs(url, 'apply.workable.com') && (JOB_PATH.test(url.pathname) || BOARD_PATH.test(url.pathname)),
  extract: (doc, url) =>
    safely(() => {
      if (!isWorkablePage(doc)) return null;
      if (JOB_PATH.test(url.pathname) || findJsonLd(doc).length) return readJob(doc, url);
      return readBoard(doc, url);
    }),
  testUrls: {
    match: [
      'https://apply.workable.com/bright-futures-fostering/j/4F2A9C1B7E/',
      'https://apply.workable.com/bright-futures-fostering/j/4F2A9C1B7E/apply/',
      'https://apply.workable.com/bright-futures-fostering/',
    ],
    noMatch: ['https://www.workable.com/', 'https://apply.workable.com/', 'https://apply.workable.com/acme/j/'],
  },
};
