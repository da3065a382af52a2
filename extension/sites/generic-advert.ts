/**
 * Adverts on boards no module knows (school and council boards, WordPress job plugins): a
 * page whose main heading is the job title and which carries the labelled facts of an
 * advert — employer or school, location, salary, closing date, reference — as dt/dd, th/td,
 * label/value blocks or "Label: value" lines. The closing date may also be stated in the
 * advert's text ("Closing date for applications: Noon, Thursday 15 March 2018").
 *
 * Silence first: a heading alone is not an advert (news, login, a council homepage all have
 * one). The page must show a salary or employer and a closing date or reference (or
 * employer, location and salary together); a page that shows several salaries or closing
 * dates is a list. The result records what it found, so the overlay
 * can decide how far to trust it.
 */
import { ATS_EXPECTED } from './read/ats';
import { closingDateInText, parseUkDate } from './read/dates';
import { ADVERT_LABELS, classPairs, inlinePairs, labelPairs, matchLabels, normaliseLabel, type LabelPair } from './read/labels';
import { genericModule } from './read/generic-module';
import { advertResult } from './read/result';
import { isHidden, visibleText } from './read/visible';
import type { AdvertField, AdvertResult } from './types';

const SITE = 'generic-advert';
/** Facts only adverts carry under these labels. */
const ADVERT_ONLY: readonly AdvertField[] = ['salary', 'closingDate', 'reference'];

/**
 * An advert names a job: what it pays or who employs (salary or employer), and has an end or
 * an identity (closing date or reference); without an end or identity, only employer,
 * location and salary together will do. A consultation with a closing date and a reference
 * is not an advert; nor is a "Work for us" page that says "Salary: up to £45,000" and
 * "Location: across the county".
 */
function looksLikeAdvert(found: readonly AdvertField[]): boolean {
  const has = (f: AdvertField) => found.includes(f);
  if ((has('closingDate') || has('reference')) && (has('salary') || has('employer'))) return true;
  return has('employer') && has('location') && has('salary');
}

const FACTS: readonly AdvertField[] = ['employer', 'location', 'salary', 'closingDate', 'reference'];
/** Label/value blocks marked by class, as themes and job plugins write them. */
const LABEL_CLASS = '.label, .field-label, .job-label, [class$="__label"], [class$="-label"]';
const VALUE_CLASS = '.value, .content, .field-value, .job-value, [class$="__value"], [class$="-value"], [class$="__content"]';

/** The page's main heading: the first visible h1, preferring the main content's. */
export function mainHeading(doc: Document): Element | undefined {
  const visible = (els: Element[]) => els.find((h) => !isHidden(h) && visibleText(h));
  return visible(Array.from(doc.querySelectorAll('main h1, article h1, [role="main"] h1'))) ?? visible(Array.from(doc.querySelectorAll('h1')));
}

/** Where the advert's facts are: the heading's article or main region, else the body. */
function advertRoot(doc: Document, heading: Element): ParentNode {
  return heading.closest('article, main, [role="main"]') ?? doc.body ?? doc;
}

/**
 * A page that shows several salaries, closing dates or references under their labels is a
 * list of adverts (a search results page with a heading of its own), not one advert.
 */
function repeatsFacts(pairs: readonly LabelPair[]): boolean {
  return ADVERT_ONLY.some((field) => {
    const labels = (ADVERT_LABELS[field as keyof typeof ADVERT_LABELS] as readonly string[]).map(normaliseLabel);
    const values = new Set(pairs.filter((p) => labels.includes(p.label)).map((p) => p.text ?? p.values.map((v) => visibleText(v)).join(' ')));
    return values.size > 1;
  });
}

function readAdvert(doc: Document, url: URL): AdvertResult | null {
  const heading = mainHeading(doc);
  const title = visibleText(heading);
  if (!heading || !title || title.length > 150) return null;
  const root = advertRoot(doc, heading);
  const pairs = [...labelPairs(root), ...classPairs(root, LABEL_CLASS, VALUE_CLASS), ...inlinePairs(root)];
  if (repeatsFacts(pairs)) return null;
  const labelled = matchLabels(pairs, ADVERT_LABELS);
  const closingDate = parseUkDate(labelled.closingDate) ?? closingDateInText(visibleText(root));
  const fields = {
    title,
    employer: labelled.employer,
    location: labelled.location,
    salary: labelled.salary,
    reference: labelled.reference,
    closingDate,
    postedDate: parseUkDate(labelled.postedDate),
  };
  const found = FACTS.filter((f) => fields[f as keyof typeof fields]);
  if (!looksLikeAdvert(found)) return null;
  const result = advertResult(SITE, url, fields, ATS_EXPECTED);
  if (result) result.found = ['title', ...found];
  return result;
}

export const genericAdvert = genericModule({
  id: SITE,
  name: 'Any advert with labelled facts',
  read: readAdvert,
  testUrls: { match: ['https://www.jobsinschoolsnortheast.com/job/assistant-curriculum-leader-mathematics-2/', 'https://careers.examplecouncil.gov.uk/jobs/social-worker-cin'] },
});
