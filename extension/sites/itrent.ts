/**
 * MHR iTrent web recruitment. Real sites run on the employer's own domain as often as on
 * *.webitrent.com (vacancies.hud.ac.uk/tlive_webrecruitment/…), so the fingerprint is the
 * servlet path, /wrd/run/ETREC{n}{XX}.open, not the host. A vacancy page (ETREC107GF)
 * names its VACANCY_ID; the job-search page (ETREC179GF) is a shell that script fills,
 * and its saved HTML (a search form, perhaps a maintenance banner) holds no advert: with
 * no vacancy id on the page there is nothing to read.
 */
import { atsAdvertModule } from './read/ats';
import { isHttp, pageReferences, param } from './read/url';

const SITE = 'itrent';
const SERVLET = /\/wrd\/run\/ETREC\d+[A-Z]*\.open$/i;

/** The vacancy this page shows: the URL's VACANCY_ID or the form's hidden field. */
function vacancyId(doc: Document, url: URL): string | undefined {
  return param(url, 'VACANCY_ID') ?? (doc.querySelector('input[name="VACANCY_ID" i]')?.getAttribute('value') || undefined);
}

/** iTrent pages post back to its ETREC*.open servlets and load its /wrd/ assets. */
function isItrentPage(doc: Document): boolean {
  return pageReferences(doc, /ETREC\d+\w*(\.open)?|webitrent|\/wrd(_rest)?\/|UNIFACE|powered by mhr/i) ||
    doc.querySelector('form[id^="ETREC" i], form[name^="ETREC" i]') !== null;
}

export const itrent = atsAdvertModule({
  id: SITE,
  name: 'iTrent',
  // Council domains are asked for at run time; the servlet path is the same everywhere.
  matches: ['*://*.webitrent.com/*', '*://*/*/wrd/run/*'],
  detect: (url) => isHttp(url) && SERVLET.test(url.pathname),
  // A page with no vacancy id (the job search's shell) holds no advert.
  isAdvert: (doc, url) => isItrentPage(doc) && vacancyId(doc, url) !== undefined,
  titleSelectors: ['#ETREC107GF h1', 'form h1', 'form h2', 'h1', 'h2'],
  externalId: vacancyId,
  testUrls: {
    match: [
      'https://ce0123li.webitrent.com/ce0123li_webrecruitment/wrd/run/ETREC107GF.open?VACANCY_ID=583921KLMN&WVID=1234567ABC&LANG=USA',
      'https://ce0999li.webitrent.com/ce0999li_webrecruitment/wrd/run/etrec107gf.open?vacancy_id=1002',
      'https://vacancies.hud.ac.uk/tlive_webrecruitment/wrd/run/etrec179gf.open?WVID=2486049XkB',
      'https://jobs.hillshire.gov.uk/tlive_webrecruitment/wrd/run/ETREC107GF.open?VACANCY_ID=583921KLMN&WVID=1234567ABC',
    ],
    noMatch: [
      'https://ce0123li.webitrent.com/ce0123li_webrecruitment/',
      'https://jobs.hillshire.gov.uk/wrd/run/ETREC107GF.html',
    ],
  },
});
