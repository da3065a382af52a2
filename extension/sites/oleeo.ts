/** Oleeo (formerly WCN) council vacancy pages: *.tal.net/.../opp/{id}-{slug}/... */
import { atsAdvertModule } from './read/ats';
import { hostIs, isHttp, pageReferences } from './read/url';

const SITE = 'oleeo';
const OPP = /\/opp\/(\d+)-[^/]+/i;

export const oleeo = atsAdvertModule({
  id: SITE,
  name: 'Oleeo',
  matches: ['*://*.tal.net/*'],
  detect: (url) => isHttp(url) && hostIs(url, 'tal.net') && OPP.test(url.pathname),
  // Oleeo serves its candidate pages and assets under /vx/ on tal.net.
  isAdvert: (doc) => pageReferences(doc, /tal\.net|oleeo|^\/vx\//i),
  titleSelectors: ['.vacancy-title', 'h1.title', '#main h1', 'main h1', 'h1'],
  detailsSelector: '.vacancy-details, .opp-details',
  externalId: (_doc, url) => OPP.exec(url.pathname)?.[1],
  testUrls: {
    match: [
      'https://leeds.tal.net/vx/lang-en-GB/mobile-0/appcentre-ext/brand-4/candidate/so/pm/1/pl/1/opp/2841-Social-Worker-Children-in-Care/en-GB',
      'https://housesofparliament.tal.net/vx/lang-en-GB/mobile-0/appcentre-13/brand-3/candidate/so/pm/5/pl/18/opp/4568-Head-of-Policy-Research/en-GB',
    ],
    noMatch: ['https://leeds.tal.net/vx/lang-en-GB/mobile-0/appcentre-ext/brand-4/candidate/jobboard/vacancy/1/adv/', 'https://www.oleeo.com/opp/123-demo'],
  },
});
