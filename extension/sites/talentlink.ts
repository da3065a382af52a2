/**
 * TalentLink (Lumesse / Cornerstone) job pages: the syndicated widget on
 * *.recruitmentplatform.com that councils and universities embed or link to. Real widget
 * markup: the title in h3.JD-Title; the header fields as h4.JD-HDLabel + span.JD-HDText
 * pairs (Job Number, Salary Information, Closing Date…); the advert body as
 * h5.JD-FieldLabel + span.JD-FieldText blocks. The widget has no employer field: the
 * employer is the organisation the advert's text names. The results list (component
 * lay9999_lst400a) links each advert with an a.lstA-desc… anchor and pages with
 * a.Lst-NavPage links; its columns are the tenant's choice, so they are read by their
 * header labels. On an employer's page that loads the widget by script (the saved Bangor
 * "Search Results" page) the list is not in the HTML: there is nothing to read.
 */
import { ATS_EXPECTED } from './read/ats';
import { closingDateInText, parseUkDate } from './read/dates';
import { ADVERT_LABELS, classPairs, columnPairs, matchLabels } from './read/labels';
import { employerNamedIn } from './read/organisation';
import { mergeFields, type PostingFields } from './read/posting';
import { advertResult, listItem, listResult, safely } from './read/result';
import { readStructured } from './read/structured';
import { absolute, hostIs, isHttp, param } from './read/url';
import { visibleText } from './read/visible';
import type { AdvertListItem, AdvertListResult, AdvertResult, SiteModule } from './types';

const SITE = 'talentlink';
/** Job details, syndicated widget pages and the apply app carry the posting in the query. */
const JOB_PATH = /^\/(syndicated|apply-app|fo)\//i;

/** The widget's own markup: its title element or its description container. */
export function isTalentLinkWidget(doc: Document): boolean {
  return !!doc.querySelector('h3.JD-Title, #JDescContent .JD-HDLabel');
}

function readWidget(doc: Document, url: URL): AdvertResult | null {
  if (!isTalentLinkWidget(doc)) return null;
  const pairs = [...classPairs(doc, '.JD-HDLabel', '.JD-HDText'), ...classPairs(doc, '.JD-FieldLabel', '.JD-FieldText')];
  const labelled = matchLabels(pairs, ADVERT_LABELS);
  const body = Array.from(doc.querySelectorAll('.JD-FieldText')).map((el) => visibleText(el) ?? '').join('\n');
  const fields = mergeFields<PostingFields>(
    readStructured(doc),
    {
      title: visibleText(doc.querySelector('.JD-Title')),
      ...labelled,
      closingDate: parseUkDate(labelled.closingDate) ?? closingDateInText(body),
      postedDate: parseUkDate(labelled.postedDate),
      employer: labelled.employer ?? employerNamedIn(body),
      externalId: param(url, 'nPostingTargetID') ?? param(url, 'jobId'),
    },
  );
  return advertResult(SITE, url, fields, ATS_EXPECTED);
}

function readList(doc: Document, url: URL): AdvertListResult | null {
  const items: AdvertListItem[] = [];
  for (const link of Array.from(doc.querySelectorAll('a[class*="lstA-desc"][href]'))) {
    const title = visibleText(link);
    const href = absolute(link.getAttribute('href'), url);
    if (!title || !href || items.some((i) => i.href === href)) continue;
    const row = link.closest('tr');
    const labelled = row ? matchLabels(columnPairs(row), ADVERT_LABELS) : {};
    items.push(listItem(title, href, {
      externalId: param(new URL(href), 'nPostingTargetID'),
      location: labelled.location,
      salary: labelled.salary,
      reference: labelled.reference,
      closingDate: parseUkDate(labelled.closingDate),
    }));
  }
  return listResult(SITE, url, items);
}

export const talentlink: SiteModule = {
  id: SITE,
  name: 'TalentLink',
  matches: ['*://*.recruitmentplatform.com/*'],
  detect: (url) => isHttp(url) && hostIs(url, 'recruitmentplatform.com') && JOB_PATH.test(url.pathname),
  extract: (doc, url) => safely(() => readWidget(doc, url) ?? readList(doc, url)),
  testUrls: {
    match: [
      'https://emea3.recruitmentplatform.com/syndicated/lay/jsoutputinitrapido.cfm?ID=PXSFK026203F3VBQB7V7VV4S8&component=lay9999_lst400a&LG=UK&mask=ext&Resultsperpage=50',
      'https://emea3.recruitmentplatform.com/syndicated/lay/jsoutputinitrapido.cfm?component=lay9999_jdesc100a&id=QLYFK026203F3VBQB7V68LOTX&nPostingID=9229&nPostingTargetID=10084&mask=stdext&lg=UK',
      'https://emea3.recruitmentplatform.com/syndicated/lay/laydisplayrapido.cfm?ID=PXSFK026203F3VBQB7V7VV4S8&nPostingTargetID=118203&option=52&sort=DESC&respnr=1&LG=UK&mask=ext',
      'https://emea3.recruitmentplatform.com/apply-app/pages/application-form?jobId=Q6UFK026203F3VBQB7V7VV4S8-118203&langCode=en_GB',
    ],
    noMatch: ['https://emea3.recruitmentplatform.com/', 'https://www.recruitmentplatform.co.uk/syndicated/x', 'https://jobs.bangor.ac.uk/list.php.en?ID=QLYFK026203F3VBQB7V68LOTX'],
  },
};
