/**
 * Oracle Recruiting Cloud (Fusion HCM "Candidate Experience") careers sites, on
 * *.oraclecloud.com (/hcmUI/CandidateExperience/en/sites/CX_1/job/123) or an employer's
 * vanity host routed by hash (jobs.example.ac.uk/#en/sites/CX_1001/job/123). The page the
 * server sends is a shell (a loading spinner); the app renders the advert later. So: a
 * JobPosting if the page carries one, else the rendered job page (h1.job-details__title,
 * li.job-meta__item label/value pairs) or job list (a.job-list-item__link); on the shell,
 * nothing.
 */
import { ATS_EXPECTED } from './read/ats';
import { parseUkDate } from './read/dates';
import { ADVERT_LABELS, classPairs, inlinePairs, matchLabels } from './read/labels';
import { mergeFields, type PostingFields } from './read/posting';
import { advertResult, listItem, listResult, safely } from './read/result';
import { readStructured } from './read/structured';
import { clean } from './read/text';
import { absolute, hostIs, isHttp, pageReferences } from './read/url';
import { visibleText } from './read/visible';
import type { AdvertListItem, SiteModule, SiteResult } from './types';

const SITE = 'oracle-recruiting-cloud';
const ROUTE = /\/sites\/(CX(?:_\d+)?|[A-Za-z0-9_-]+)(?:\/(?:job|requisitions\/preview)\/(\d+))?/;
const CANDIDATE_EXPERIENCE = /^\/hcmUI\/CandidateExperience\//i;

/** The app's route: in the path on oraclecloud.com, in the hash on vanity hosts. */
function route(url: URL): RegExpExecArray | null {
  return ROUTE.exec(url.pathname) ?? ROUTE.exec(url.hash);
}

/** The app's own shell: its base element with the API host, or its assets. */
function isOracleCandidateExperience(doc: Document): boolean {
  return !!doc.querySelector('base[data-apibaseurl], [data-sitenumber]') || pageReferences(doc, /oraclecloud\.com|\/oj-hcm-ce\//i);
}

/** The employer is the careers site's owner, as the shell's og:site_name names it. */
function siteOwner(doc: Document): string | undefined {
  const name = clean(doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content'));
  return name?.replace(/\s+careers$/i, '');
}

/** Labels the rendered job page uses for its meta items. */
const ORACLE_LABELS = {
  ...ADVERT_LABELS,
  reference: [...ADVERT_LABELS.reference, 'job identification', 'requisition id', 'requisition'],
  closingDate: [...ADVERT_LABELS.closingDate, 'posting end date', 'apply before'],
  postedDate: [...ADVERT_LABELS.postedDate, 'posting dates', 'posting date'],
} as const;

function readJob(doc: Document, url: URL, id: string | undefined): SiteResult | null {
  const title = visibleText(doc.querySelector('h1.job-details__title, .job-details__title'));
  const structured = readStructured(doc);
  if (!title && !structured) return null;
  // Meta items first; "Salary: …" lines the employer wrote into the description fill gaps.
  const description = doc.querySelector('.job-details__description-content');
  const labelled = matchLabels(
    [...classPairs(doc, '.job-meta__item .job-meta__title', '.job-meta__subitem'), ...(description ? inlinePairs(description) : [])],
    ORACLE_LABELS,
  );
  const fields = mergeFields<PostingFields>(
    structured,
    {
      title,
      ...labelled,
      closingDate: parseUkDate(labelled.closingDate),
      postedDate: parseUkDate(labelled.postedDate),
    },
    { employer: siteOwner(doc), externalId: id },
  );
  return advertResult(SITE, url, fields, ATS_EXPECTED);
}

function readList(doc: Document, url: URL): SiteResult | null {
  const items: AdvertListItem[] = [];
  for (const link of Array.from(doc.querySelectorAll('a.job-list-item__link[href]'))) {
    const title = visibleText(link.querySelector('.job-tile__title, .job-list-item__title')) ?? visibleText(link);
    const href = absolute(link.getAttribute('href'), url);
    if (!title || !href) continue;
    items.push(listItem(title, href, {
      externalId: ROUTE.exec(new URL(href).pathname)?.[2] ?? ROUTE.exec(new URL(href).hash)?.[2],
      location: visibleText(link.querySelector('[class*="location"]')),
    }));
  }
  return listResult(SITE, url, items, { employer: siteOwner(doc) });
}

export const oracleRecruitingCloud: SiteModule = {
  id: SITE,
  name: 'Oracle Recruiting Cloud',
  matches: ['*://*.oraclecloud.com/hcmUI/CandidateExperience/*'],
  detect: (url) =>
    isHttp(url) && ((hostIs(url, 'oraclecloud.com') && CANDIDATE_EXPERIENCE.test(url.pathname)) || ROUTE.test(url.hash) || /\/sites\/CX_\d+/.test(url.pathname)),
  extract: (doc, url) =>
    safely(() => {
      if (!isOracleCandidateExperience(doc)) return null;
      const id = route(url)?.[2];
      return id ? readJob(doc, url, id) : readList(doc, url);
    }),
  testUrls: {
    match: [
      'https://eoin.fa.em3.oraclecloud.com/hcmUI/CandidateExperience/en/sites/CX_3001/job/144292',
      'https://jobs.citystgeorges.ac.uk/#en/sites/CX_1001',
      'https://jobs.citystgeorges.ac.uk/#en/sites/CX_1001/job/5521',
      'https://iahmme.fa.ocs.oraclecloud.com/hcmUI/CandidateExperience/en/sites/CX_1001/jobs?keyword=social',
    ],
    noMatch: ['https://iahmme.fa.ocs.oraclecloud.com/hcmRestApi/resources/latest/recruitingCEJobRequisitions', 'https://www.oracle.com/careers/', 'https://jobs.example.ac.uk/#about'],
  },
};
