import type { Division } from '../schema/primitives';

/**
 * Standard UK bank holidays computed by rule, for years the official gov.uk list does
 * not cover. One-off holidays (jubilees, funerals, coronations, moved early-May days)
 * cannot be predicted: the official list is always preferred where it exists.
 */

const DAY_MS = 86_400_000;
const utcDay = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / DAY_MS;
/** 0 = Sunday ... 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
const weekday = (dayNumber: number) => (((dayNumber + 4) % 7) + 7) % 7;
const isWeekend = (dayNumber: number) => {
  const w = weekday(dayNumber);
  return w === 0 || w === 6;
};

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

/** The n-th (1-based) Monday of a month, or the last one when n = -1. */
function monday(year: number, month: number, n: number): number {
  if (n > 0) {
    const first = utcDay(year, month, 1);
    return first + ((8 - weekday(first)) % 7) + 7 * (n - 1);
  }
  const last = utcDay(year, month + 1, 1) - 1;
  return last - ((weekday(last) + 6) % 7);
}

/**
 * Fixed-date holidays that move to the next free weekday when they fall on a weekend
 * or on a day already taken (Christmas on Sunday gives Tuesday when Boxing Day has Monday;
 * Scotland's 1 and 2 January likewise). Weekday dates are placed first, then substitutes
 * in date order, which reproduces every substitute day in the official list.
 */
function withSubstitutes(days: number[], taken: Set<number>): number[] {
  const placed: number[] = [];
  for (const d of days) if (!isWeekend(d)) {
    taken.add(d);
    placed.push(d);
  }
  for (const d of days) {
    if (!isWeekend(d)) continue;
    let s = d + 1;
    while (isWeekend(s) || taken.has(s)) s++;
    taken.add(s);
    placed.push(s);
  }
  return placed;
}

/** Standard bank holidays of a division and year as UTC day numbers, ascending. */
export function computedHolidayDays(division: Division, year: number): number[] {
  const easter = easterSunday(year);
  const easterDay = utcDay(year, easter.month, easter.day);
  const days: number[] = [easterDay - 2]; // Good Friday, everywhere
  if (division !== 'scotland') days.push(easterDay + 1); // Easter Monday
  days.push(monday(year, 5, 1), monday(year, 5, -1)); // early May, spring
  days.push(division === 'scotland' ? monday(year, 8, 1) : monday(year, 8, -1)); // summer
  const taken = new Set(days);

  const newYear = [utcDay(year, 1, 1)];
  if (division === 'scotland') newYear.push(utcDay(year, 1, 2));
  days.push(...withSubstitutes(newYear, taken));
  if (division === 'northern-ireland') {
    days.push(...withSubstitutes([utcDay(year, 3, 17)], taken)); // St Patrick's Day
    days.push(...withSubstitutes([utcDay(year, 7, 12)], taken)); // Battle of the Boyne
  }
  if (division === 'scotland') days.push(...withSubstitutes([utcDay(year, 11, 30)], taken)); // St Andrew's Day
  days.push(...withSubstitutes([utcDay(year, 12, 25), utcDay(year, 12, 26)], taken));
  return days.sort((a, b) => a - b);
}

/** Standard bank holidays of a division and year as 'MM-DD', ascending. */
export function computedHolidays(division: Division, year: number): string[] {
  return computedHolidayDays(division, year).map((d) => new Date(d * DAY_MS).toISOString().slice(5, 10));
}
