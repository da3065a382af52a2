/**
 * Tribepad council job pages: /members/modules/job/detail.php?record={id}. Tribepad runs on
 * council domains, so detection is by path shape; the page has no JSON-LD, only labelled details.
 */
import { atsAdvertModule } from './read/ats';
import { isHttp, param, pageReferences } from './read/url';

const SITE = 'tribepad';
const DETAIL = /\/members\/modules\/job\/detail\.php$/i;

export const tribepad = atsAdvertModule({
  id: SITE,
  name: 'Tribepad',
  // Council domains differ: host permission is requested per site at run time.
  matches: ['*://*/members/modules/job/detail.php*'],
  detect: (url) => isHttp(url) && DETAIL.test(url.pathname) && /^\d+$/.test(param(url, 'record') ?? ''),
  isAdvert: (doc) => pageReferences(doc, /tribepad|\/members\/modules\//i),
  titleSelectors: ['.job-title h1', '#job_detail h1', '.job-detail h1', 'main h1', 'h1'],
  detailsSelector: '.job-details, #job_detail',
  externalId: (_doc, url) => param(url, 'record'),
  testUrls: {
    match: [
      'https://jobs.examplecouncil.gov.uk/members/modules/job/detail.php?record=4821',
      'https://careers.kent.gov.uk/members/modules/job/detail.php?record=19002&src=cc',
    ],
    noMatch: [
      'https://jobs.examplecouncil.gov.uk/members/modules/job/detail.php',
      'https://jobs.examplecouncil.gov.uk/members/modules/job/search.php?keywords=social',
    ],
  },
});
