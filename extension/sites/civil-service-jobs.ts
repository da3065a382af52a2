/**
 * Civil Service Jobs (www.civilservicejobs.service.gov.uk, WCN/Oleeo). Every page is
 * /csr/index.cgi?SID=..., where SID is base64 of the real query: the vacancy id
 * (joblist_view_vac) is read from there. Pages are ISO-8859-1; the browser decodes them.
 */
import type { AdvertListItem, AdvertListResult, AdvertResult, SiteModule } from './types';
import { parseUkDate } from './read/dates';
import { advertResult, listItem, listResult, readByMarkup } from './read/result';
import { clean, textAt, textOf } from './read/text';
import { absolute, hostIs, isHttp, param } from './read/url';

const SITE = 'civil-service-jobs';
const HOST = 'www.civilservicejobs.service.gov.uk';

/** The parameters hidden in a SID (base64 of "a=1&b=2"), or empty when it is not one. */
export function sidParams(url: URL): URLSearchParams {
  const sid = param(url, 'SID');
  if (!sid) return new URLSearchParams();
  try {
    // A '+' in the query arrives as a space; URL-safe base64 uses - and _.
    const decoded = atob(sid.replace(/ /g, '+').replace(/-/g, '+').replace(/_/g, '/'));
    return /^[\w.-]+=/.test(decoded) ? new URLSearchParams(decoded) : new URLSearchParams();
  } catch {
    return new URLSearchParams();
  }
}

function vacancyId(url: URL): string | undefined {
  return sidParams(url).get('joblist_view_vac') ?? param(url, 'joblist_view_vac') ?? undefined;
}

/** The value of the details field headed by a label (h3 "Salary" + div.vac_display_field_value). */
function field(doc: Document, label: string): string | undefined {
  for (const box of Array.from(doc.querySelectorAll('.vac_display_field'))) {
    const heading = box.querySelector(':scope > h3');
    if (!heading || textOf(heading)?.toLowerCase() !== label.toLowerCase()) continue;
    const values = Array.from(box.querySelectorAll('.vac_display_field_value')).map((v) => textOf(v)).filter(Boolean);
    if (values.length) return values.join('; ');
  }
  return undefined;
}

/** The field that follows a section heading (h2 "Location"), the way the advert lays it out. */
function sectionValue(doc: Document, heading: string): string | undefined {
  for (const section of Array.from(doc.querySelectorAll('.vac_display_section_heading'))) {
    if (textOf(section.querySelector('h2'))?.toLowerCase() !== heading.toLowerCase()) continue;
    const next = section.nextElementSibling;
    if (next?.classList.contains('vac_display_field')) return textAt(next, '.vac_display_field_value');
  }
  return undefined;
}

function readJob(doc: Document, url: URL): AdvertResult | null {
  return advertResult(
    SITE,
    url,
    {
      title: textAt(doc, '.vac_display_title_block h1', '.csr-page-title h1'),
      employer: textAt(doc, '.vac_display_title_block .csr-page-subtitle'),
      location: sectionValue(doc, 'Location'),
      salary: field(doc, 'Salary'),
      closingDate: parseUkDate(textAt(doc, '.vac_display_closing_date')),
      reference: field(doc, 'Reference number'),
      externalId: vacancyId(url),
    },
    ['title', 'employer', 'location', 'salary', 'closingDate', 'reference'],
  );
}

/** "Salary : £53,730" -> "£53,730". */
const afterColon = (text: string | undefined) => clean(text?.replace(/^[^:]*:\s*/, ''));

function readResults(doc: Document, url: URL): AdvertListResult | null {
  const items: AdvertListItem[] = [];
  for (const box of Array.from(doc.querySelectorAll('li.search-results-job-box'))) {
    const link = box.querySelector('.search-results-job-box-title a[href]');
    const title = textOf(link);
    const href = absolute(link?.getAttribute('href'), url);
    if (!title || !href) continue;
    items.push(listItem(title, href, {
      externalId: vacancyId(new URL(href)),
      employer: textAt(box, '.search-results-job-box-department'),
      location: textAt(box, '.search-results-job-box-location'),
      salary: afterColon(textAt(box, '.search-results-job-box-salary')),
      closingDate: parseUkDate(textAt(box, '.search-results-job-box-closingdate')),
      reference: afterColon(textAt(box, '.search-results-job-box-refcode')),
    }));
  }
  const heading = textAt(doc, '.csr-page-title h1') ?? '';
  const total = /^([\d,]+)\s+search results/i.exec(heading)?.[1];
  return listResult(SITE, url, items, total ? { total: Number(total.replace(/,/g, '')) } : {});
}

export const civilServiceJobs: SiteModule = {
  id: SITE,
  name: 'Civil Service Jobs',
  matches: [`*://${HOST}/csr/*`],
  detect: (url) => isHttp(url) && hostIs(url, HOST) && /^\/csr\/(index|esearch)\.cgi$/i.test(url.pathname),
  extract: readByMarkup([
    ['.vac_display_title_block', readJob],
    ['li.search-results-job-box', readResults],
  ]),
  testUrls: {
    match: [
      `https://${HOST}/csr/index.cgi?SID=${btoa('pageclass=Jobs&joblist_view_vac=1862348&pageaction=viewvacbyjoblist&owner=5070000')}`,
      `https://${HOST}/csr/index.cgi?SID=${btoa('pageclass=Search&pageaction=searchcontext&owner=5070000&page=2')}`,
      `https://${HOST}/csr/esearch.cgi?SID=${btoa('pageaction=search')}`,
    ],
    noMatch: [`https://${HOST}/csr/support.cgi?pageaction=default`, 'https://www.gov.uk/civil-service-jobs'],
  },
};
