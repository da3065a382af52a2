/**
 * Eploy careers sites (*.eploy.net and council domains): job pages /vacancies/{id}/{slug}.html
 * and the vacancy search results /vacancies/. Real Eploy markup shows each field as
 * li#li_VacV_{Field}_{vacancyId} > div.label + div.content, in the listing and on the job
 * page alike; a field with no value is kept in the page but hidden with display:none
 * ("Advertising End Date: Not Specified"), so hidden rows are not values. Job pages may
 * also carry a JSON-LD JobPosting, which wins where it speaks.
 */
import { ATS_EXPECTED } from './read/ats';
import { parseUkDate } from './read/dates';
import { ADVERT_LABELS, classPairs, labelPairs, matchLabels } from './read/labels';
import { mergeFields, type PostingFields } from './read/posting';
import { advertResult, listItem, listResult, safely } from './read/result';
import { readStructured } from './read/structured';
import { absolute, hostIs, isHttp, pageReferences } from './read/url';
import { visibleText } from './read/visible';
import type { AdvertListItem, AdvertListResult, AdvertResult, SiteModule } from './types';

const SITE = 'eploy';
const VACANCY = /^\/vacancies\/(\d+)\/[^/]+\.html$/i;
const SEARCH = /^\/vacancies\/?$/i;
/** The label of each of Eploy's field list items (built-in VacV_ fields and custom questions). */
const FIELD_LABEL = 'li[id^="li_VacV_"] .label, li[id^="li_Question_"] .label';

/** Eploy's own markup (its field ids, its search result blocks) or its assets. */
function isEploy(doc: Document): boolean {
  return !!doc.querySelector('li[id^="li_VacV_"], [data-id^="div_content_VacV_"], .vsr-job-big') || pageReferences(doc, /eploy/i);
}

/** Values Eploy prints for an empty field. */
const PLACEHOLDER = /^(not specified|n\/a|tbc|-)$/i;

/** The advert fields of Eploy's field list under root, hidden rows and "Not Specified" left out. */
function fieldsIn(root: ParentNode) {
  const pairs = classPairs(root, FIELD_LABEL, '.content');
  const labelled = matchLabels(pairs, ADVERT_LABELS);
  for (const key of Object.keys(labelled) as Array<keyof typeof labelled>) {
    if (PLACEHOLDER.test(labelled[key] ?? '')) delete labelled[key];
  }
  return labelled;
}

function readListing(doc: Document, url: URL): AdvertListResult | null {
  const items: AdvertListItem[] = [];
  for (const block of Array.from(doc.querySelectorAll('.vsr-job-big, div[id$="_pnlList"]'))) {
    if (block.parentElement?.closest('.vsr-job-big, div[id$="_pnlList"]')) continue;
    const link = block.querySelector('.vsr-job__title a[href]');
    const title = visibleText(link);
    const href = absolute(link?.getAttribute('href'), url);
    if (!title || !href) continue;
    const labelled = fieldsIn(block);
    items.push(listItem(title, href, {
      externalId: VACANCY.exec(new URL(href).pathname)?.[1],
      location: labelled.location,
      employer: labelled.employer,
      salary: labelled.salary,
      closingDate: parseUkDate(labelled.closingDate),
      reference: labelled.reference,
    }));
  }
  return listResult(SITE, url, items);
}

function readJob(doc: Document, url: URL, id: string): AdvertResult | null {
  const labelled = { ...matchLabels(labelPairs(doc), ADVERT_LABELS), ...fieldsIn(doc) };
  const fields = mergeFields<PostingFields>(
    readStructured(doc),
    {
      ...labelled,
      closingDate: parseUkDate(labelled.closingDate),
      postedDate: parseUkDate(labelled.postedDate),
    },
    { title: visibleText(doc.querySelector('main h1, h1')), externalId: id },
  );
  return advertResult(SITE, url, fields, ATS_EXPECTED);
}

export const eploy: SiteModule = {
  id: SITE,
  name: 'Eploy',
  matches: ['*://*/vacancies/*'],
  detect: (url) => isHttp(url) && (VACANCY.test(url.pathname) || SEARCH.test(url.pathname) || (hostIs(url, 'eploy.net') && /^\/vacancies\//i.test(url.pathname))),
  extract: (doc, url) =>
    safely(() => {
      if (!isEploy(doc)) return null;
      const id = VACANCY.exec(url.pathname)?.[1];
      return id ? readJob(doc, url, id) : readListing(doc, url);
    }),
  testUrls: {
    match: [
      'https://jobs.examplecouncil.gov.uk/vacancies/1432/senior-social-worker-child-protection.html',
      'https://careers.example-borough.gov.uk/vacancies/77/team-manager.html',
      'https://cardiffuniweb.eploy.net/vacancies/',
      'https://jobs.examplecouncil.gov.uk/vacancies/?page=2',
    ],
    noMatch: ['https://jobs.examplecouncil.gov.uk/vacancies/1432/', 'https://jobs.examplecouncil.gov.uk/about/vacancies.html'],
  },
};
