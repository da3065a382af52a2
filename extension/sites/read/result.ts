/** Builds results with `missing` filled in, so every module reports gaps the same way. */
import type { AdvertField, AdvertListItem, AdvertListResult, AdvertResult, SiteResult } from '../types';
import type { PostingFields } from './posting';
import { clean } from './text';

/** What a person expects on an advert page unless a site says otherwise. */
export const EXPECTED_ADVERT_FIELDS: readonly AdvertField[] = ['title', 'employer', 'location', 'salary', 'closingDate'];

export interface AdvertInput extends PostingFields {
  expired?: boolean;
}

/** An advert result, or null when there is no title (then it is not an advert we can name). */
export function advertResult(
  site: string,
  url: URL,
  fields: AdvertInput,
  expected: readonly AdvertField[] = EXPECTED_ADVERT_FIELDS,
): AdvertResult | null {
  const title = clean(fields.title);
  if (!title) return null;
  const result: AdvertResult = { kind: 'advert', site, url: url.href, title, expired: fields.expired ?? false, missing: [] };
  const employer = clean(fields.employer);
  const location = clean(fields.location);
  const salary = clean(fields.salary);
  const reference = clean(fields.reference);
  const externalId = clean(fields.externalId);
  if (employer) result.employer = employer;
  if (location) result.location = location;
  if (salary) result.salary = salary;
  if (fields.closingDate) result.closingDate = fields.closingDate;
  if (fields.postedDate) result.postedDate = fields.postedDate;
  if (reference) result.reference = reference;
  if (externalId) result.externalId = externalId;
  result.missing = expected.filter((f) => result[f] === undefined);
  return result;
}

/** What a listing row may show beside its title and link. */
export type ListItemFields = Partial<Omit<AdvertListItem, 'title' | 'href'>>;

/** A listing row: its title and link, with only the fields the row actually shows (empty ones left out). */
export function listItem(title: string, href: string, fields: ListItemFields = {}): AdvertListItem {
  const item: AdvertListItem = { title, href };
  for (const [key, value] of Object.entries(fields) as Array<[keyof ListItemFields, string | undefined]>) {
    if (value) item[key] = value;
  }
  return item;
}

export function listResult(
  site: string,
  url: URL,
  items: AdvertListItem[],
  extra: { employer?: string; total?: number } = {},
): AdvertListResult | null {
  if (!items.length) return null;
  const result: AdvertListResult = { kind: 'advert-list', site, url: url.href, items, missing: [] };
  if (extra.employer) result.employer = extra.employer;
  if (extra.total !== undefined) result.total = extra.total;
  // A listing row without a location or closing date is common; say so once for the list.
  for (const field of ['location', 'closingDate'] as const) {
    if (items.every((i) => i[field] === undefined)) result.missing.push(field);
  }
  return result;
}

/** Runs a reader and turns any exception into null: extract must never throw. */
export function safely<T>(read: () => T | null): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

type PageReader = (doc: Document, url: URL) => SiteResult | null;

/**
 * An extract that lets the page's own markup say what it is: the reader of the first kind
 * whose selector the document holds (a job's before a board's), null when it holds none.
 */
export function readByMarkup(kinds: ReadonlyArray<readonly [selector: string, read: PageReader]>): PageReader {
  return (doc, url) =>
    safely(() => {
      const kind = kinds.find(([selector]) => doc.querySelector(selector) !== null);
      return kind ? kind[1](doc, url) : null;
    });
}
