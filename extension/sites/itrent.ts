/** MHR iTrent recruitment pages: *.webitrent.com/.../ETREC107GF.open?VACANCY_ID=... */
import { readAtsAdvert } from './read/ats';
import { safely } from './read/result';
import { hostIs, isHttp, pageReferences, param } from './read/url';
import type { SiteModule } from './types';

const SITE = 'itrent';

export const itrent: SiteModule = {
  id: SITE,
  name: 'iTrent',
  matches: ['*://*.webitrent.com/*'],
  detect: (url) => isHttp(url) && hostIs(url, 'webitrent.com') && /\/ETREC107GF\.open$/i.test(url.pathname) && !!param(url, 'VACANCY_ID'),
  extract: (doc, url) =>
    safely(() => {
      // iTrent's pages post back to its ETREC*.open servlets.
      if (!pageReferences(doc, /ETREC\d+\w*\.open|webitrent|itrent/i)) return null;
      return readAtsAdvert(doc, url, {
        site: SITE,
        titleSelectors: ['.erq_searchv4_heading1', '#ETREC107GF h1', 'h1', 'h2'],
        externalId: param(url, 'VACANCY_ID'),
      });
    }),
  testUrls: {
    match: [
      'https://ce0123li.webitrent.com/ce0123li_webrecruitment/wrd/run/ETREC107GF.open?VACANCY_ID=583921KLMN&WVID=1234567ABC&LANG=USA',
      'https://ce0999li.webitrent.com/ce0999li_webrecruitment/wrd/run/etrec107gf.open?vacancy_id=1002',
    ],
    noMatch: [
      'https://ce0123li.webitrent.com/ce0123li_webrecruitment/wrd/run/ETREC105GF.open?WVID=1234567ABC',
      'https://ce0123li.webitrent.com/ce0123li_webrecruitment/wrd/run/ETREC107GF.open',
    ],
  },
};
