/**
 * Listings on boards no module knows (Tribepad, Jobtrain, Webrecruit, council microsites,
 * WordPress boards): a repeated block of job links — siblings of the same shape, each with a
 * title link and some of location, salary, closing date, reference or employer — read as a
 * listing with its items and the total it states.
 *
 * Silence first: navigation menus, footers, search options and lists of places repeat links
 * too, but their rows carry no job facts. A group counts only when most of its rows have a
 * link to a page of their own and show at least one fact (by label, table column, class or
 * icon), and at least half show a fact only adverts carry: salary, closing date, reference.
 */
import { ADVERT_LABELS, columnPairs, inlinePairs, isFactLine, matchLabels } from './read/labels';
import { hintedFields, salaryInText } from './read/hints';
import { closingDateInText, parseUkDate } from './read/dates';
import { genericModule } from './read/generic-module';
import { listResult } from './read/result';
import { absolute } from './read/url';
import { isHidden, visibleText } from './read/visible';
import type { AdvertListItem, AdvertListResult } from './types';

const SITE = 'generic-listing';
const MIN_ROWS = 2;

/** A row's shape: tag and classes, so "div.media.media-large" rows group together. */
function shape(el: Element): string {
  return `${el.tagName}.${Array.from(el.classList).sort().join('.')}`;
}

/** Links that act on a row rather than name it. */
const ACTION = /^(more info(rmation)?|read more|view( details| job| vacancy)?|apply( now)?|save( job)?|details|share)$/i;

function rowLink(row: Element, page: URL): { title: string; href: string; titleEl: Element } | undefined {
  const heading = row.querySelector('h2, h3, h4, h5, [class*="title"]');
  const headingLink = heading?.closest('a[href]') ?? heading?.querySelector('a[href]');
  // Without a heading, the first link that names something (not a logo, not "Apply").
  const link =
    headingLink ??
    (row.matches('a[href]') ? row : Array.from(row.querySelectorAll('a[href]')).find((a) => {
      const text = visibleText(a);
      return !!text && !ACTION.test(text);
    }));
  const href = absolute(link?.getAttribute('href'), page);
  if (!link || !href) return undefined;
  const target = new URL(href);
  // A link back to this page ("#", "?sort=…") is a control, not an advert.
  if (`${target.origin}${target.pathname}` === `${page.origin}${page.pathname}`) return undefined;
  const titleEl = heading && visibleText(heading) ? heading : link;
  const title = visibleText(titleEl);
  // A link that reads "Salary: £20,000 - £30,000 (0)" is a search facet, not a job title.
  // Job titles are short; a sentence that links somewhere is prose.
  if (!title || title.length > 120 || isFactLine(title) || ACTION.test(title)) return undefined;
  return { title, href, titleEl };
}

function readRow(row: Element, page: URL): AdvertListItem | undefined {
  const link = rowLink(row, page);
  if (!link) return undefined;
  // Facts come from beside the title, never from it: a search facet "Salary: £20,000 -
  // £30,000 (0)" is a link whose own text looks like a fact.
  const beside = (el: Element) => !link.titleEl.contains(el);
  const labelled = matchLabels([...columnPairs(row), ...inlinePairs(row)].filter((p) => p.values.every(beside)), ADVERT_LABELS);
  const hinted = hintedFields(row, beside);
  const item: AdvertListItem = { title: link.title, href: link.href };
  const pick = (key: 'employer' | 'location' | 'salary' | 'reference') => {
    const value = labelled[key] ?? hinted[key];
    if (value && value !== link.title) item[key] = value;
  };
  pick('employer');
  pick('location');
  pick('salary');
  pick('reference');
  // Facts written as plain text beside the title: "£30,000 - £32,000", "Closes 30/04/2026".
  const rest = visibleText(row)?.replace(link.title, ' ');
  if (!item.salary) {
    const salary = salaryInText(rest);
    if (salary) item.salary = salary;
  }
  const closing = parseUkDate(labelled.closingDate ?? hinted.closingDate) ?? closingDateInText(rest);
  if (closing) item.closingDate = closing;
  return item;
}

/** Rows read before a group that shows no job fact at all is given up (a menu of 5,000 links). */
const SAMPLE = 12;

/** The group's rows read as adverts, or undefined as soon as its first rows show no job fact. */
function readRows(rows: readonly Element[], page: URL): AdvertListItem[] | undefined {
  const read: AdvertListItem[] = [];
  let jobFacts = 0;
  for (const [i, row] of rows.entries()) {
    const item = readRow(row, page);
    if (item) {
      read.push(item);
      if (hasJobFacts(item)) jobFacts++;
    }
    if (i + 1 === SAMPLE && jobFacts === 0) return undefined;
  }
  return read;
}

const hasFacts = (i: AdvertListItem) => !!(i.employer || i.location || i.salary || i.closingDate || i.reference);
/** Facts only job adverts carry: a list of libraries has addresses, not salaries. */
const hasJobFacts = (i: AdvertListItem) => !!(i.salary || i.closingDate || i.reference);

/**
 * A board links its adverts to its own pages: most rows' links share one origin. Two blocks
 * of an advert page that happen to share a shape (a header linking to the board, a
 * paragraph linking to a press release elsewhere) do not.
 */
function mostlyOneSite(items: readonly AdvertListItem[]): boolean {
  const counts = new Map<string, number>();
  for (const item of items) {
    const origin = new URL(item.href).origin;
    counts.set(origin, (counts.get(origin) ?? 0) + 1);
  }
  return Math.max(...counts.values()) * 3 >= items.length * 2;
}

/** The best group of same-shaped sibling rows that reads as job adverts. */
function bestGroup(doc: Document, page: URL): AdvertListItem[] {
  let best: AdvertListItem[] = [];
  let bestScore = 0;
  for (const parent of Array.from(doc.querySelectorAll('body *'))) {
    if (parent.children.length < MIN_ROWS || parent.closest('nav, header, footer, form, select')) continue;
    const groups = new Map<string, Element[]>();
    for (const child of Array.from(parent.children)) {
      if (isHidden(child)) continue;
      const key = shape(child);
      groups.set(key, [...(groups.get(key) ?? []), child]);
    }
    for (const rows of groups.values()) {
      if (rows.length < MIN_ROWS) continue;
      // A header row or a "more jobs" row has no advert link of its own; most rows must.
      const read = readRows(rows, page);
      if (!read) continue;
      if (read.length < MIN_ROWS || read.length * 3 < rows.length * 2) continue;
      const withFacts = read.filter(hasFacts).length;
      if (withFacts * 3 < read.length * 2 || read.filter(hasJobFacts).length * 2 < read.length) continue;
      if (new Set(read.map((i) => i.href)).size < read.length || !mostlyOneSite(read)) continue;
      const score = withFacts * 10 + read.length;
      if (score > bestScore) {
        best = read;
        bestScore = score;
      }
    }
  }
  return best;
}

const TOTAL = [
  /\bof\s+(\d{1,3}(?:,\d{3})+|\d+)\s+(?:jobs|vacancies|results|roles|opportunities)\b/i,
  /\b(\d{1,3}(?:,\d{3})+|\d+)\s+(?:jobs|vacancies|results|roles|opportunities)\s+(?:found|available|matched|match)\b/i,
];

/** The total the page states ("57 jobs found", "Showing 1-10 of 2,371 results"). */
function statedTotal(doc: Document, shown: number): number | undefined {
  const text = visibleText(doc.body) ?? '';
  for (const pattern of TOTAL) {
    const m = pattern.exec(text);
    const n = m?.[1] ? Number(m[1].replace(/,/g, '')) : NaN;
    if (Number.isFinite(n) && n >= shown) return n;
  }
  return undefined;
}

function readListing(doc: Document, url: URL): AdvertListResult | null {
  const items = bestGroup(doc, url);
  if (items.length < MIN_ROWS) return null;
  const total = statedTotal(doc, items.length);
  return listResult(SITE, url, items, total !== undefined ? { total } : {});
}

export const genericListing = genericModule({
  id: SITE,
  name: 'Any listing of job links',
  read: readListing,
  testUrls: { match: ['https://www.jobsinschoolsnortheast.com/search-results/', 'https://jobs.examplecouncil.gov.uk/search?keywords=social+worker'] },
});
