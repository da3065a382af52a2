import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bankHolidays,
  computedHolidays,
  computedHolidaysNotice,
  computedYearsBetween,
  easterSunday,
  isOfficialYear,
  officialListEndsAfter,
} from '#shared/bank-holidays/index';
import { DIVISIONS, type Division } from '#shared/schema/primitives';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const feedPath = path.resolve(repoRoot, '../shared/data/uk-bank-holidays.json');
const feed = existsSync(feedPath)
  ? (JSON.parse(readFileSync(feedPath, 'utf8')) as Record<Division, { events: { date: string }[] }>)
  : null;
if (!feed) console.warn(`bank-holidays.test: ${feedPath} is absent, so the checks against the gov.uk feed are skipped`);

/** Our dates of every year the official list covers, as YYYY-MM-DD. */
function officialDates(division: Division): string[] {
  const out: string[] = [];
  for (let y = 2000; y <= 2100; y++) if (isOfficialYear(y, division)) out.push(...bankHolidays(division, y).map((md) => `${y}-${md}`));
  return out;
}

describe('official bank holidays', () => {
  it.skipIf(!feed).each(DIVISIONS)('%s: our compact list equals the gov.uk feed exactly', (division) => {
    const fromFeed = feed![division].events.map((e) => e.date).sort();
    expect(officialDates(division)).toEqual(fromFeed);
  });

  it('knows where the official list ends', () => {
    for (const d of DIVISIONS) expect(officialListEndsAfter(d)).toBe(2027);
    expect(isOfficialYear(2027, 'scotland')).toBe(true);
    expect(isOfficialYear(2028, 'scotland')).toBe(false);
    expect(computedYearsBetween('2027-06-01', '2029-01-10')).toEqual([2028, 2029]);
    expect(computedHolidaysNotice('2026-01-01', '2027-12-31')).toBeNull();
    expect(computedHolidaysNotice('2027-12-01', '2028-01-31', 'northern-ireland')).toBe(
      'The official bank-holiday list has run out; holidays after 2027 are computed by rule.',
    );
  });
});

// One-off or moved holidays no rule predicts (in every division); ruleDate is what the rule gives instead.
const ONE_OFFS: { date: string; ruleDate?: string }[] = [
  { date: '2020-05-08', ruleDate: '2020-05-04' }, // early May moved to VE day
  { date: '2022-06-02', ruleDate: '2022-05-30' }, // spring holiday moved for the platinum jubilee
  { date: '2022-06-03' }, // platinum jubilee
  { date: '2022-09-19' }, // state funeral of Queen Elizabeth II
  { date: '2023-05-08' }, // coronation of King Charles III
];

describe('bank holidays computed by rule', () => {
  it.skipIf(!feed).each(DIVISIONS)('%s: the rules reproduce the official list apart from the one-offs', (division) => {
    const official = new Set(feed![division].events.map((e) => e.date));
    const years = [...new Set([...official].map((d) => Number(d.slice(0, 4))))];
    const computed = new Set(years.flatMap((y) => computedHolidays(division, y).map((md) => `${y}-${md}`)));
    for (const o of ONE_OFFS) {
      expect(official.delete(o.date)).toBe(true);
      if (o.ruleDate) expect(computed.delete(o.ruleDate)).toBe(true);
    }
    expect([...computed].sort()).toEqual([...official].sort());
  });

  it('finds Easter by the anonymous Gregorian algorithm', () => {
    expect(easterSunday(2026)).toEqual({ month: 4, day: 5 });
    expect(easterSunday(2028)).toEqual({ month: 4, day: 16 });
    expect(easterSunday(2030)).toEqual({ month: 4, day: 21 });
    expect(easterSunday(2035)).toEqual({ month: 3, day: 25 });
    expect(easterSunday(2285)).toEqual({ month: 3, day: 22 }); // earliest possible
    expect(easterSunday(2038)).toEqual({ month: 4, day: 25 }); // latest possible
  });

  // Hand-checked: weekdays from a calendar, substitutes to the next free weekday.
  it.each<[Division, number, string[]]>([
    // 1 Jan 2028 is a Saturday; Easter 16 April; 1 May a Monday; 31 May a Wednesday; 31 Aug a Thursday.
    ['england-and-wales', 2028, ['01-03', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26']],
    // Scotland: 1 and 2 January (Sat, Sun) become Mon 3 and Tue 4; summer is the first Monday of August (7th).
    ['scotland', 2028, ['01-03', '01-04', '04-14', '05-01', '05-29', '08-07', '11-30', '12-25', '12-26']],
    ['northern-ireland', 2028, ['01-03', '03-17', '04-14', '04-17', '05-01', '05-29', '07-12', '08-28', '12-25', '12-26']],
    // 2030: Easter 21 April; St Patrick's Day is a Sunday (Mon 18); St Andrew's a Saturday (Mon 2 Dec).
    ['england-and-wales', 2030, ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26']],
    ['scotland', 2030, ['01-01', '01-02', '04-19', '05-06', '05-27', '08-05', '12-02', '12-25', '12-26']],
    ['northern-ireland', 2030, ['01-01', '03-18', '04-19', '04-22', '05-06', '05-27', '07-12', '08-26', '12-25', '12-26']],
    // 2035: Easter 25 March; St Patrick's Day a Saturday (Mon 19 March).
    ['england-and-wales', 2035, ['01-01', '03-23', '03-26', '05-07', '05-28', '08-27', '12-25', '12-26']],
    ['scotland', 2035, ['01-01', '01-02', '03-23', '05-07', '05-28', '08-06', '11-30', '12-25', '12-26']],
    ['northern-ireland', 2035, ['01-01', '03-19', '03-23', '03-26', '05-07', '05-28', '07-12', '08-27', '12-25', '12-26']],
  ])('%s %i', (division, year, expected) => {
    expect(bankHolidays(division, year)).toEqual(expected);
  });
});
