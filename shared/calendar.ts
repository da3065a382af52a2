import { bankHolidays } from './bank-holidays/index';
import type { Division } from './schema/primitives';

/**
 * Working days: Monday to Friday, not a bank holiday of the division, dates taken in
 * Europe/London. Dates are 'YYYY-MM-DD' strings; arithmetic runs on UTC day numbers
 * (days since 1970-01-01), and working-day counts come from a per-division prefix-sum
 * table over 2000–2100 so a whole report costs O(1) per question.
 */

export type { Division };
const DEFAULT_DIVISION: Division = 'england-and-wales';
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------- day numbers

/** Days since 1970-01-01 of a civil date (Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const digit = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
};

/** Day number of the 'YYYY-MM-DD' at position `at` of a string, or NaN when it is not a real date. */
function dayAt(s: string, at: number): number {
  const y = digit(s, at) * 1000 + digit(s, at + 1) * 100 + digit(s, at + 2) * 10 + digit(s, at + 3);
  const m = digit(s, at + 5) * 10 + digit(s, at + 6);
  const d = digit(s, at + 8) * 10 + digit(s, at + 9);
  if (s[at + 4] !== '-' || s[at + 7] !== '-' || !(m >= 1 && m <= 12) || !(d >= 1)
    || d > (m === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0))) return NaN;
  return daysFromCivil(y, m, d);
}

/** UTC day number of a 'YYYY-MM-DD' date; throws a RangeError naming the bad value. */
export function dayNumber(date: string): number {
  const day = date.length === 10 ? dayAt(date, 0) : NaN;
  if (Number.isNaN(day)) throw new RangeError(`not a date written YYYY-MM-DD: ${JSON.stringify(date)}`);
  return day;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** [year, month, day] of a UTC day number (Hinnant's civil_from_days). */
function civilFromDays(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** 'YYYY-MM-DD' of a UTC day number. */
export function dateOfDay(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export const yearOfDay = (day: number) => civilFromDays(day)[0];

/** 0 = Sunday ... 6 = Saturday. */
export const weekdayOfDay = (day: number) => (((day + 4) % 7) + 7) % 7;
export const weekdayOf = (date: string) => weekdayOfDay(dayNumber(date));

export const addDays = (date: string, n: number) => dateOfDay(dayNumber(date) + n);
/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const calendarDaysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);
/** The Monday of the date's week (weeks run Monday to Sunday, as rota weeks do). */
export const mondayOf = (date: string) => {
  const day = dayNumber(date);
  return dateOfDay(day - ((weekdayOfDay(day) + 6) % 7));
};
/** The first day of the date's calendar quarter (January, April, July, October: the financial year's quarters too). */
export const quarterStart = (date: string) => {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
};

// ---------------------------------------------------------------- holidays

const yearHolidays = new Map<string, Set<number>>();

/** Bank-holiday day numbers of one division and year, cached. */
function holidaySet(division: Division, year: number): Set<number> {
  const key = `${division}:${year}`;
  let set = yearHolidays.get(key);
  if (!set) {
    set = new Set(bankHolidays(division, year).map((md) => dayNumber(`${year}-${md}`)));
    yearHolidays.set(key, set);
  }
  return set;
}

function isWorkingDaySlow(day: number, division: Division): boolean {
  const w = weekdayOfDay(day);
  return w !== 0 && w !== 6 && !holidaySet(division, yearOfDay(day)).has(day);
}

// Prefix table: working[i] is 1 when TABLE_START + i is a working day; cumulative[i] counts
// working days in TABLE_START..TABLE_START+i inclusive.
const TABLE_START = daysFromCivil(2000, 1, 1);
const TABLE_END = daysFromCivil(2101, 1, 1); // exclusive
interface Table { working: Uint8Array; cumulative: Int32Array }
const tables = new Map<Division, Table>();

function tableFor(division: Division): Table {
  let table = tables.get(division);
  if (!table) {
    const size = TABLE_END - TABLE_START;
    const working = new Uint8Array(size);
    const cumulative = new Int32Array(size);
    let count = 0;
    for (let year = 2000; year <= 2100; year++) {
      const holidays = holidaySet(division, year);
      const first = daysFromCivil(year, 1, 1) - TABLE_START;
      const last = daysFromCivil(year + 1, 1, 1) - TABLE_START;
      for (let i = first; i < last; i++) {
        const w = weekdayOfDay(i + TABLE_START);
        const isWorking = w !== 0 && w !== 6 && !holidays.has(i + TABLE_START);
        if (isWorking) {
          working[i] = 1;
          count++;
        }
        cumulative[i] = count;
      }
    }
    table = { working, cumulative };
    tables.set(division, table);
  }
  return table;
}

const inTable = (day: number) => day >= TABLE_START && day < TABLE_END;

export function isWorkingDayNumber(day: number, division: Division = DEFAULT_DIVISION): boolean {
  return inTable(day) ? tableFor(division).working[day - TABLE_START] === 1 : isWorkingDaySlow(day, division);
}

/** Monday to Friday and not a bank holiday of the division. */
export function isWorkingDay(date: string, division: Division = DEFAULT_DIVISION): boolean {
  return isWorkingDayNumber(dayNumber(date), division);
}

/** Working days after `from` up to and including `to`, on day numbers. */
export function workingDaysBetweenDays(from: number, to: number, division: Division = DEFAULT_DIVISION): number {
  if (from === to) return 0;
  if (to < from) return -workingDaysBetweenDays(to, from, division);
  if (inTable(from) && inTable(to)) {
    const c = tableFor(division).cumulative;
    return (c[to - TABLE_START] ?? 0) - (c[from - TABLE_START] ?? 0);
  }
  let n = 0;
  for (let d = from + 1; d <= to; d++) if (isWorkingDayNumber(d, division)) n++;
  return n;
}

/**
 * Number of working days after `from` up to and including `to`; negative when `to` is
 * before `from` (the same days counted the other way). Friday -> next Monday is 1.
 */
export function workingDaysBetween(from: string, to: string, division: Division = DEFAULT_DIVISION): number {
  return workingDaysBetweenDays(dayNumber(from), dayNumber(to), division);
}

export function addWorkingDaysToDay(day: number, n: number, division: Division = DEFAULT_DIVISION): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days to add must be a whole number 0 or more, not ${n}`);
  let d = day;
  if (n === 0) {
    while (!isWorkingDayNumber(d, division)) d++;
    return d;
  }
  let left = n;
  while (left > 0) {
    d++;
    if (isWorkingDayNumber(d, division)) left--;
  }
  return d;
}

/**
 * The n-th working day after `date` (n >= 1), so "5 working days from Thursday 2 April
 * 2026" is Monday 13 April (Good Friday and Easter Monday skipped). n = 0 returns the
 * date itself when it is a working day, else the next working day: "today, or the next
 * day the office is open", which is what a target of 0 days should mean.
 */
export function addWorkingDays(date: string, n: number, division: Division = DEFAULT_DIVISION): string {
  return dateOfDay(addWorkingDaysToDay(dayNumber(date), n, division));
}

/** The next working day strictly after the date. */
export const nextWorkingDay = (date: string, division: Division = DEFAULT_DIVISION) => addWorkingDays(date, 1, division);

// ---------------------------------------------------------------- Europe/London

let londonFormat: Intl.DateTimeFormat | undefined;

/** Today's date in Europe/London (YYYY-MM-DD), correct across the BST changes. */
export function todayInLondon(now: Date): string {
  londonFormat ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
  const parts = londonFormat.formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** BST start and end (epoch ms) by year since 1970, filled on first use. */
const bstStart: number[] = [];
const bstEnd: number[] = [];

/** BST runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October (UK law since 1996). */
function fillBst(year: number) {
  const lastSunday = (month: number) => {
    const last = daysFromCivil(year, month + 1, 1) - 1;
    return last - weekdayOfDay(last);
  };
  bstStart[year - 1970] = lastSunday(3) * DAY_MS + 3_600_000;
  bstEnd[year - 1970] = lastSunday(10) * DAY_MS + 3_600_000;
}

/**
 * UTC day number of the Europe/London date of an instant (epoch milliseconds). Uses the
 * BST rule instead of Intl because it runs for every stage event in a report; a test
 * checks it against Intl.
 */
export function londonDayOfMs(ms: number): number {
  const utcDay = Math.floor(ms / DAY_MS);
  // An estimate of the year can be one out only around New Year, far from BST either way.
  const year = 1970 + Math.floor(utcDay / 365.2425);
  const i = year - 1970;
  if (i < 0) return utcDay;
  if (bstStart[i] === undefined) fillBst(year);
  return ms >= bstStart[i]! && ms < bstEnd[i]! ? Math.floor((ms + 3_600_000) / DAY_MS) : utcDay;
}

const num2 = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);

/**
 * Epoch milliseconds of an ISO 8601 date-time; throws a RangeError on a bad value. The
 * usual shape, 'YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)', is read by hand (several times
 * faster than Date.parse over a report's events); anything else goes to Date.parse.
 */
export function instantMs(at: string): number {
  const day = at.length >= 10 ? dayAt(at, 0) : NaN; // Date.parse would take 30 February
  const fast = Number.isNaN(day) ? null : parseIsoFast(at, day);
  if (fast !== null) return fast;
  // Date.parse reads a string without a zone as local time, which differs by machine: refuse it.
  const ms = !Number.isNaN(day) && /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/i.test(at) ? Date.parse(at) : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`not a date and time in ISO 8601: ${JSON.stringify(at)}`);
  return ms;
}

function parseIsoFast(s: string, day: number): number | null {
  if (s.length < 17 || s[10] !== 'T' || s[13] !== ':') return null;
  const hour = num2(s, 11);
  const minute = num2(s, 14);
  let i = 16;
  let second = 0;
  let milli = 0;
  if (s[i] === ':') {
    second = num2(s, i + 1);
    i += 3;
    if (s[i] === '.') {
      let scale = 100;
      i++;
      while (i < s.length && digit(s, i) >= 0) {
        milli += digit(s, i) * scale;
        scale /= 10;
        i++;
      }
      milli = Math.floor(milli);
    }
  }
  let offset = 0;
  if (s[i] === 'Z' && i === s.length - 1) offset = 0;
  else if ((s[i] === '+' || s[i] === '-') && i + 6 === s.length && s[i + 3] === ':') {
    offset = (s[i] === '-' ? -1 : 1) * (num2(s, i + 1) * 60 + num2(s, i + 4));
  } else return null;
  if (!(hour <= 23 && minute <= 59 && second <= 59) || Number.isNaN(offset)) return null;
  return day * DAY_MS + ((hour * 60 + minute - offset) * 60 + second) * 1000 + milli;
}

/** The Europe/London date (YYYY-MM-DD) of an ISO date-time such as a stage event's `at`. */
export const londonDateOf = (at: string | Date) => dateOfDay(londonDayOfMs(typeof at === 'string' ? instantMs(at) : at.getTime()));

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A date as people read it in labels: 'Thu 9 Apr 2026'. */
export function formatDay(date: string): string {
  const day = dayNumber(date);
  const [y, m, d] = civilFromDays(day);
  return `${WEEKDAYS[weekdayOfDay(day)]} ${d} ${MONTHS[m - 1]} ${y}`;
}
