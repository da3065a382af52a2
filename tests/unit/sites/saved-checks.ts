/**
 * What expected.json of the saved real pages says a person reads, turned into field checks
 * against a module's result: dates compared as the day they name, whitespace folded,
 * null meaning "not on the page" (so the result must not have it either).
 */
import type { AdvertListItem, SiteResult } from '@/sites/types';
import { parseUkDate } from '@/sites/read/dates';
import { collapse } from '@/sites/read/text';
import type { SavedExpected } from './pages';

export interface FieldCheck {
  field: string;
  want: unknown;
  got: unknown;
}

export const checkPasses = (c: FieldCheck) => JSON.stringify(c.want) === JSON.stringify(c.got);

/** Free text as the reader gives it: whitespace folded; null (not on the page) as undefined. */
const text = (v: unknown) => (typeof v === 'string' ? collapse(v) : undefined);
/** "… (in description text only)" is a note to the reader, not part of the value. */
const withoutNote = (v: unknown) => text(typeof v === 'string' ? v.replace(/\s*\(in description text only\)$/, '') : v);
const dateOf = (v: unknown) => (typeof v === 'string' ? parseUkDate(v) : undefined);

const ADVERT_FIELDS = ['title', 'employer', 'location', 'salary', 'closing_date', 'reference'] as const;
const JOB_FIELDS = ['title', 'href', 'employer', 'location', 'salary', 'closing_date', 'reference'] as const;

type Readable = { title?: string; employer?: string; location?: string; salary?: string; closingDate?: string; reference?: string; externalId?: string; href?: string };

function fieldChecks(prefix: string, expected: Record<string, unknown>, got: Readable | undefined, fields: readonly string[], base: string): FieldCheck[] {
  const checks: FieldCheck[] = [];
  for (const field of fields) {
    if (!(field in expected)) continue;
    const value = expected[field];
    let want: unknown;
    let have: unknown;
    switch (field) {
      case 'closing_date':
        want = dateOf(value);
        have = got?.closingDate;
        break;
      case 'salary':
        want = withoutNote(value);
        have = got?.salary;
        break;
      case 'href':
        want = typeof value === 'string' ? new URL(value, base).href : undefined;
        have = got?.href;
        break;
      case 'reference':
        // expected.json's "reference" is the employer's ref where the page shows one, else the
        // board's job id: we keep those apart (reference / externalId).
        want = text(value);
        have = got?.reference ?? got?.externalId;
        break;
      default:
        want = text(value);
        have = got?.[field as keyof Readable];
    }
    checks.push({ field: `${prefix}${field}`, want, got: have });
  }
  return checks;
}

/** Every field check expected.json implies for one saved page (an advert or a listing). */
export function savedChecks(expected: SavedExpected, result: SiteResult | null, base: string): FieldCheck[] {
  if (expected.page_type === 'listing') {
    const list = result?.kind === 'advert-list' ? result : undefined;
    const checks: FieldCheck[] = [{ field: 'kind', want: 'advert-list', got: result?.kind }];
    if ('job_count' in expected) checks.push({ field: 'job_count', want: expected.job_count, got: list?.items.length });
    if ('total_results' in expected) {
      const total = expected.total_results;
      checks.push({ field: 'total_results', want: typeof total === 'string' ? Number(total.replace(/,/g, '')) : undefined, got: list?.total });
    }
    if ('employer' in expected) checks.push({ field: 'employer', want: text(expected.employer), got: list?.employer });
    const jobs: Array<[string, Record<string, unknown>, AdvertListItem | undefined]> = [];
    if (expected.first_job) jobs.push(['first_job.', expected.first_job as Record<string, unknown>, list?.items[0]]);
    if (expected.second_job) jobs.push(['second_job.', expected.second_job as Record<string, unknown>, list?.items[1]]);
    ((expected.jobs as Array<Record<string, unknown>> | undefined) ?? []).forEach((job, i) => jobs.push([`jobs[${i}].`, job, list?.items[i]]));
    for (const [prefix, job, item] of jobs) checks.push(...fieldChecks(prefix, job, item, JOB_FIELDS, base));
    return checks;
  }
  const advert = result?.kind === 'advert' ? result : undefined;
  return [{ field: 'kind', want: 'advert', got: result?.kind }, ...fieldChecks('', expected, advert, ADVERT_FIELDS, base)];
}
