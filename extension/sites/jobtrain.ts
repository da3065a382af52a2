/**
 * Jobtrain job pages (/Job/JobDetail?JobId=...). The advert is rendered by script after
 * load, so `isReady(doc)` says when the content script can read it; until then extract
 * returns null rather than a half-empty advert.
 */
import { atsAdvertModule } from './read/ats';
import { textAt } from './read/text';
import { isHttp, param, pageReferences } from './read/url';

const SITE = 'jobtrain';
const DETAIL = /\/Job\/JobDetail\/?$/i;
const CONTAINER = '.job-detail, #jobDetail, [data-job-id]';
const TITLE = ['.job-detail h1', '#jobDetail h1', '[data-job-id] h1'];

/** Pure: true once the script-rendered advert (its title and details) is in the document. */
export function isReady(doc: Document): boolean {
  const container = doc.querySelector(CONTAINER);
  return !!container && !!textAt(doc, ...TITLE) && container.querySelector('dt, th, td') !== null;
}

export const jobtrain = atsAdvertModule({
  id: SITE,
  name: 'Jobtrain',
  matches: ['*://*/*Job/JobDetail*', '*://*/*job/jobdetail*'],
  detect: (url) => isHttp(url) && DETAIL.test(url.pathname) && /^\d+$/.test(param(url, 'JobId') ?? ''),
  isAdvert: (doc) => pageReferences(doc, /jobtrain/i) && isReady(doc),
  titleSelectors: TITLE,
  detailsSelector: CONTAINER,
  externalId: (_doc, url) => param(url, 'JobId'),
  testUrls: {
    match: [
      'https://www.jobtrain.co.uk/examplecouncil/Job/JobDetail?JobId=12345',
      'https://careers.examplecouncil.gov.uk/Job/JobDetail?JobId=908&source=CommunityCare',
    ],
    noMatch: ['https://www.jobtrain.co.uk/examplecouncil/Job/JobDetail', 'https://www.jobtrain.co.uk/examplecouncil/Home/Job'],
  },
});
