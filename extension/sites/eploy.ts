/**
 * Eploy council careers sites: /vacancies/{id}/{slug}.html. Eploy pages usually carry a
 * JSON-LD JobPosting; the labelled summary fills what it leaves out (the reference).
 */
import { readAtsAdvert } from './read/ats';
import { safely } from './read/result';
import { isHttp, pageReferences } from './read/url';
import type { SiteModule } from './types';

const SITE = 'eploy';
const VACANCY = /^\/vacancies\/(\d+)\/[^/]+\.html$/i;

export const eploy: SiteModule = {
  id: SITE,
  name: 'Eploy',
  matches: ['*://*/vacancies/*'],
  detect: (url) => isHttp(url) && VACANCY.test(url.pathname),
  extract: (doc, url) =>
    safely(() => {
      if (!pageReferences(doc, /eploy/i)) return null;
      return readAtsAdvert(doc, url, {
        site: SITE,
        titleSelectors: ['.vacancy-title', '.job-title', 'main h1', 'h1'],
        detailsSelector: '.vacancy-summary, .job-summary',
        externalId: VACANCY.exec(url.pathname)?.[1],
      });
    }),
  testUrls: {
    match: [
      'https://jobs.examplecouncil.gov.uk/vacancies/1432/senior-social-worker-child-protection.html',
      'https://careers.example-borough.gov.uk/vacancies/77/team-manager.html',
    ],
    noMatch: ['https://jobs.examplecouncil.gov.uk/vacancies/', 'https://jobs.examplecouncil.gov.uk/vacancies/1432/'],
  },
};
