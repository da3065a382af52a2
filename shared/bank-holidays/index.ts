import type { Division } from '../schema/primitives';
import { OFFICIAL_HOLIDAYS } from './official';
import { computedHolidays } from './rules';

export { computedHolidays, computedHolidayDays, easterSunday } from './rules';

const officialYears = (division: Division) => Object.keys(OFFICIAL_HOLIDAYS[division]).map(Number);

/** True when the gov.uk list covers this year for the division. */
export function isOfficialYear(year: number, division: Division = 'england-and-wales'): boolean {
  return OFFICIAL_HOLIDAYS[division][year] !== undefined;
}

/** The last year the official list covers; later years are computed by rule. */
export function officialListEndsAfter(division: Division = 'england-and-wales'): number {
  return Math.max(...officialYears(division));
}

/** The first year the official list covers; earlier years are computed by rule too. */
export function officialListStartsAt(division: Division = 'england-and-wales'): number {
  return Math.min(...officialYears(division));
}

/** Bank holidays of a year as 'MM-DD': the official list where it exists, else by rule. */
export function bankHolidays(division: Division, year: number): readonly string[] {
  return OFFICIAL_HOLIDAYS[division][year] ?? computedHolidays(division, year);
}

/** Years between two dates (YYYY-MM-DD, either order) whose holidays are computed by rule. */
export function computedYearsBetween(from: string, to: string, division: Division = 'england-and-wales'): number[] {
  const a = Number(from.slice(0, 4));
  const b = Number(to.slice(0, 4));
  const years: number[] = [];
  for (let y = Math.min(a, b); y <= Math.max(a, b); y++) if (!isOfficialYear(y, division)) years.push(y);
  return years;
}

/**
 * A sentence for the UI when a date range relies on computed holidays, else null:
 * "The official bank-holiday list has run out; holidays after 2027 are computed by rule."
 */
export function computedHolidaysNotice(from: string, to: string, division: Division = 'england-and-wales'): string | null {
  const years = computedYearsBetween(from, to, division);
  if (years.length === 0) return null;
  const end = officialListEndsAfter(division);
  const start = officialListStartsAt(division);
  if (years.some((y) => y > end)) {
    return `The official bank-holiday list has run out; holidays after ${end} are computed by rule.`;
  }
  return `The official bank-holiday list starts in ${start}; holidays before ${start} are computed by rule.`;
}
