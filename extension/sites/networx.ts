/** Networx recruitment sites (council domains): /Jobs/Advert/{id}. */
import { atsAdvertModule } from './read/ats';
import { isHttp, pageReferences } from './read/url';

const SITE = 'networx';
const ADVERT = /^\/Jobs\/Advert\/([\w-]+?)\/?$/i;

export const networx = atsAdvertModule({
  id: SITE,
  name: 'Networx',
  matches: ['*://*/Jobs/Advert/*', '*://*/jobs/advert/*'],
  detect: (url) => isHttp(url) && ADVERT.test(url.pathname),
  isAdvert: (doc) => pageReferences(doc, /networx/i),
  titleSelectors: ['.advert-title', '.job-advert h1', 'h1'],
  detailsSelector: '.job-advert, .advert-details',
  externalId: (_doc, url) => ADVERT.exec(url.pathname)?.[1],
  testUrls: {
    match: ['https://jobs.examplecouncil.gov.uk/Jobs/Advert/2958122?cid=1234&t=Social-Worker', 'https://careers.example.gov.uk/jobs/advert/15507'],
    noMatch: ['https://jobs.examplecouncil.gov.uk/Jobs/Search', 'https://jobs.examplecouncil.gov.uk/Jobs/Advert/'],
  },
});
