import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  calendarDaysBetween,
  dateOfDay,
  dayNumber,
  instantMs,
  isWorkingDay,
  londonDateOf,
  mondayOf,
  quarterStart,
  todayInLondon,
  workingDaysBetween,
} from '#shared/calendar';
import { DIVISIONS, type Division } from '#shared/schema/primitives';

const EW: Division = 'england-and-wales';
const SC: Division = 'scotland';
const NI: Division = 'northern-ireland';

describe('dates', () => {
  it('round-trips day numbers and rejects malformed dates', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-04-02')).toBe(Date.UTC(2026, 3, 2) / 86_400_000);
    expect(dateOfDay(dayNumber('2028-02-29'))).toBe('2028-02-29');
    for (const bad of ['2026-02-29', '2026-13-01', '2026-4-02', '2026-04-00', '2026/04/02', 'tomorrow', '2026-04-02T10:00:00Z']) {
      expect(() => dayNumber(bad), bad).toThrow(RangeError);
    }
    fc.assert(fc.property(fc.integer({ min: -30000, max: 100000 }), (n) => dayNumber(dateOfDay(n)) === n));
  });

  it('adds days, counts calendar days and finds the Monday of a week', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(calendarDaysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(calendarDaysBetween('2026-03-10', '2026-03-01')).toBe(-9);
    expect(mondayOf('2026-04-02')).toBe('2026-03-30'); // Thursday
    expect(mondayOf('2026-04-05')).toBe('2026-03-30'); // Sunday belongs to the week before
    expect(mondayOf('2026-04-06')).toBe('2026-04-06');
  });

  it('starts quarters in January, April, July and October', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-08-15', '2026-12-31'].map(quarterStart)).toEqual(['2026-01-01', '2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01']);
  });

  it('takes today in Europe/London across the BST changes', () => {
    expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01'); // 00:30 BST
    expect(todayInLondon(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31'); // GMT
    expect(todayInLondon(new Date('2026-03-28T23:59:59Z'))).toBe('2026-03-28'); // the night BST starts
    expect(todayInLondon(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
    expect(todayInLondon(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25'); // still BST
    expect(todayInLondon(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25'); // back to GMT
  });

  it('computes the London date of any instant as Intl does', () => {
    const fmt = (d: Date) => todayInLondon(d);
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(londonDateOf(new Date(ms))).toBe(fmt(new Date(ms)));
      }),
      { numRuns: 2000 },
    );
    // Around the changes, hour by hour.
    for (const start of ['2026-03-28T20:00:00Z', '2026-10-24T20:00:00Z', '2035-03-24T20:00:00Z']) {
      for (let h = 0; h < 36; h++) {
        const d = new Date(Date.parse(start) + h * 3_600_000);
        expect(londonDateOf(d.toISOString())).toBe(fmt(d));
      }
    }
    expect(londonDateOf('2026-04-02T00:30:00+01:00')).toBe('2026-04-02');
  });
});

describe('instants', () => {
  it('reads ISO date-times as Date.parse does', () => {
    const offset = fc.oneof(
      fc.constant('Z'),
      fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom(0, 30, 45)).map(
        ([sign, h, m]) => `${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
      ),
    );
    const fraction = fc.constantFrom('', '.5', '.123', '.1234567');
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2110, 0, 1) }), fraction, offset, fc.boolean(), (ms, frac, off, seconds) => {
        const base = new Date(ms).toISOString().slice(0, seconds ? 19 : 16);
        const text = `${base}${seconds ? frac : ''}${off}`;
        expect(instantMs(text)).toBe(Date.parse(text));
      }),
      { numRuns: 3000 },
    );
    expect(() => instantMs('2026-04-02 10:00')).toThrow(RangeError);
    expect(() => instantMs('2026-02-30T10:00:00Z')).toThrow(RangeError);
    expect(instantMs('2026-04-02T24:00:00Z')).toBe(Date.parse('2026-04-03T00:00:00Z')); // left to Date.parse
  });
});

describe('working days: hand-checked', () => {
  it.each<[string, Division, boolean, string]>([
    ['2026-04-03', EW, false, 'Good Friday'],
    ['2026-04-06', EW, false, 'Easter Monday'],
    ['2026-04-06', SC, true, 'no Easter Monday in Scotland'],
    ['2026-04-06', NI, false, 'Easter Monday'],
    ['2026-01-02', SC, false, '2 January in Scotland'],
    ['2026-01-02', EW, true, 'an ordinary Friday in England'],
    ['2026-11-30', SC, false, "St Andrew's Day"],
    ['2025-12-01', SC, false, "St Andrew's Day substitute (30th a Sunday)"],
    ['2026-11-30', EW, true, 'an ordinary Monday in England'],
    ['2026-03-17', NI, false, "St Patrick's Day"],
    ['2026-03-17', EW, true, "not a holiday outside NI"],
    ['2026-07-13', NI, false, 'Battle of the Boyne substitute (12th a Sunday)'],
    ['2026-12-28', EW, false, 'Boxing Day substitute'],
    ['2027-12-27', SC, false, 'Christmas substitute (25th a Saturday)'],
    ['2027-12-28', NI, false, 'Boxing Day substitute'],
    ['2027-12-29', EW, true, 'first working day after Christmas 2027'],
    ['2026-04-04', EW, false, 'a Saturday'],
    ['2030-04-19', EW, false, 'Good Friday 2030 (computed)'],
    ['2030-04-22', EW, false, 'Easter Monday 2030 (computed)'],
    ['2030-04-22', SC, true, 'no Easter Monday in Scotland, 2030'],
    ['2030-12-02', SC, false, "St Andrew's Day substitute 2030 (computed)"],
    ['2035-03-19', NI, false, "St Patrick's Day substitute 2035 (computed)"],
    ['2035-03-19', EW, true, 'ordinary Monday 2035'],
    ['2150-12-25', EW, false, 'far past the prefix table: Christmas'],
    ['1999-12-27', EW, false, 'before the prefix table: Christmas substitute'],
  ])('%s in %s is working: %s (%s)', (date, division, expected) => {
    expect(isWorkingDay(date, division)).toBe(expected);
  });

  it.each<[string, number, Division, string]>([
    // Thu 24 Dec 2026: Fri 25 Christmas, Sat, Sun, Mon 28 Boxing Day substitute -> Tue 29.
    ['2026-12-24', 1, EW, '2026-12-29'],
    ['2026-12-24', 1, SC, '2026-12-29'],
    // Thu 31 Dec 2026 -> Fri 1 Jan holiday -> Mon 4 Jan (E&W).
    ['2026-12-31', 1, EW, '2027-01-04'],
    // 2027: Scotland's 2 January is a Saturday, so Mon 4 Jan is its substitute -> Tue 5 Jan.
    ['2026-12-31', 1, SC, '2027-01-05'],
    // Fri 24 Dec 2027: Christmas Sat, Boxing Sun, substitutes Mon 27 and Tue 28 -> Wed 29.
    ['2027-12-24', 1, EW, '2027-12-29'],
    ['2027-12-24', 1, NI, '2027-12-29'],
    // Fri 31 Dec 2027 -> 1 Jan 2028 Sat, substitute Mon 3 (computed) -> Tue 4; Scotland also Tue 4 -> Wed 5.
    ['2027-12-31', 1, EW, '2028-01-04'],
    ['2027-12-31', 1, SC, '2028-01-05'],
    // The journey: shortlisted Thu 2 April 2026; Fri 3 Good Friday, Mon 6 Easter Monday;
    // Tue 7 (1), Wed 8 (2), Thu 9 (3), Fri 10 (4), Mon 13 (5).
    ['2026-04-02', 5, EW, '2026-04-13'],
    ['2026-04-02', 5, NI, '2026-04-13'],
    // Scotland works Easter Monday: Mon 6 (1) ... Fri 10 (5).
    ['2026-04-02', 5, SC, '2026-04-10'],
    // Mon 16 Mar 2026 + 1 in NI: Tue 17 St Patrick's -> Wed 18.
    ['2026-03-16', 1, NI, '2026-03-18'],
    ['2026-03-16', 1, EW, '2026-03-17'],
    // Fri 27 Nov 2026 + 1 in Scotland: Mon 30 St Andrew's -> Tue 1 Dec.
    ['2026-11-27', 1, SC, '2026-12-01'],
    // Fri 10 Jul 2026 + 1 in NI: Mon 13 is the Boyne substitute -> Tue 14.
    ['2026-07-10', 1, NI, '2026-07-14'],
    // 2030 computed: Thu 18 Apr + 1 -> Good Friday 19, Easter Monday 22 -> Tue 23.
    ['2030-04-18', 1, EW, '2030-04-23'],
    ['2030-04-18', 1, SC, '2030-04-22'],
    // 2035 computed: Thu 22 Mar + 2 -> Fri 23 GF, Mon 26 EM -> Tue 27 (1), Wed 28 (2).
    ['2035-03-22', 2, EW, '2035-03-28'],
    // n = 0: the date itself when working, else the next working day.
    ['2026-04-02', 0, EW, '2026-04-02'],
    ['2026-04-03', 0, EW, '2026-04-07'],
    ['2026-04-04', 0, SC, '2026-04-06'],
    // A Saturday + 1 is the Monday.
    ['2026-03-07', 1, EW, '2026-03-09'],
  ])('%s + %i working days in %s = %s', (date, n, division, expected) => {
    expect(addWorkingDays(date, n, division)).toBe(expected);
  });

  it('counts working days after from up to and including to', () => {
    expect(workingDaysBetween('2026-04-02', '2026-04-13')).toBe(5);
    expect(workingDaysBetween('2026-04-13', '2026-04-02')).toBe(-5);
    expect(workingDaysBetween('2026-04-02', '2026-04-13', SC)).toBe(6);
    expect(workingDaysBetween('2026-04-10', '2026-04-13')).toBe(1); // Fri -> Mon
    expect(workingDaysBetween('2026-04-11', '2026-04-12')).toBe(0); // Sat -> Sun
    expect(workingDaysBetween('2026-04-10', '2026-04-10')).toBe(0);
    // 2026 in England and Wales: 261 weekdays less 8 bank holidays (all on weekdays).
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(253);
    // Scotland 2026: 9 holidays, all on weekdays (2 Jan Fri, 30 Nov Mon, 28 Dec substitute).
    expect(workingDaysBetween('2025-12-31', '2026-12-31', SC)).toBe(252);
    // Across the edge of the prefix table.
    expect(workingDaysBetween('2100-12-29', '2101-01-03')).toBe(
      workingDaysBetween('2100-12-29', '2100-12-31') + workingDaysBetween('2100-12-31', '2101-01-03'),
    );
  });

  it('refuses a negative or fractional number of working days', () => {
    expect(() => addWorkingDays('2026-04-02', -1)).toThrow(/whole number 0 or more/);
    expect(() => addWorkingDays('2026-04-02', 1.5)).toThrow(RangeError);
  });
});

describe('working days: properties', () => {
  const day = fc.integer({ min: dayNumber('2018-01-01'), max: dayNumber('2040-12-31') }).map(dateOfDay);
  const division = fc.constantFrom(...DIVISIONS);
  const n = fc.integer({ min: 1, max: 80 });

  it('addWorkingDays lands on a working day and workingDaysBetween undoes it', () => {
    fc.assert(
      fc.property(day, n, division, (d, k, div) => {
        const end = addWorkingDays(d, k, div);
        expect(isWorkingDay(end, div)).toBe(true);
        expect(workingDaysBetween(d, end, div)).toBe(k);
        expect(workingDaysBetween(end, d, div)).toBe(-k);
      }),
      { numRuns: 1000 },
    );
  });

  it('is monotonic in n and in the start date', () => {
    fc.assert(
      fc.property(day, day, n, n, division, (d1, d2, k1, k2, div) => {
        const [a, b] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const [j, k] = k1 <= k2 ? [k1, k2] : [k2, k1];
        expect(addWorkingDays(a, j, div) <= addWorkingDays(a, k, div)).toBe(true);
        expect(addWorkingDays(a, k, div) <= addWorkingDays(b, k, div)).toBe(true);
        // Counting to a later end never gives fewer; starting later never gives more.
        const end = addWorkingDays(b, k, div);
        expect(workingDaysBetween(a, end, div)).toBeGreaterThanOrEqual(workingDaysBetween(b, end, div));
        expect(workingDaysBetween(a, b, div)).toBeLessThanOrEqual(workingDaysBetween(a, end, div));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with a day-by-day count, inside and beyond the fast table', () => {
    const wide = fc.integer({ min: dayNumber('1995-01-01'), max: dayNumber('2105-12-31') }).map(dateOfDay);
    fc.assert(
      fc.property(wide, fc.integer({ min: 0, max: 60 }), division, (d, span, div) => {
        let count = 0;
        for (let i = 1; i <= span; i++) if (isWorkingDay(addDays(d, i), div)) count++;
        expect(workingDaysBetween(d, addDays(d, span), div)).toBe(count);
      }),
      { numRuns: 500 },
    );
  });
});
