/** Networx recruitment sites (council domains): /Jobs/Advert/{id}. */
import { readAtsAdvert } from './read/ats';
import { safely } from './read/result';
import { isHttp, pageReferences } from './read/url';
import type { SiteModule } from './types';

const SITE = 'networx';
const ADVERT = /^\/Jobs\/Advert\/([\w-]+?)\/?$/i;

export const networx: SiteModule = {
  id: SITE,
  name: 'Networx',
  matches: ['*://*/Jobs/Advert/*', '*://*/jobs/advert/*'],
  detect: (url) => isHttp(url) && ADVERT.test(url.pathname),
  extract: (doc, url) =>
    safely(() => {
      if (!pageReferences(doc, /networx/i)) return null;
      return readAtsAdvert(doc, url, {
        site: SITE,
        titleSelectors: ['.advert-title', '.job-advert h1', 'h1'],
        detailsSelector: '.job-advert, .advert-details',
        externalId: ADVERT.exec(url.pathname)?.[1],
      });
    }),
  testUrls: {
    match: ['https://jobs.examplecouncil.gov.uk/Jobs/Advert/2958122?cid=1234&t=Social-Worker', 'https://careers.example.gov.uk/jobs/advert/15507'],
    noMatch: ['https://jobs.examplecouncil.gov.uk/Jobs/Search', 'https://jobs.examplecouncil.gov.uk/Jobs/Advert/'],
  },
};
