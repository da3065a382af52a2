import { describe, expect, it } from 'vitest';
import { addDays } from '#shared/calendar';
import { DEFAULT_DEMO_AS_OF, generateDemoCouncil, type DemoCouncil } from '#demo/index';
import { computeReport, type ReportFilters } from '#shared/measures/index';
import { cohortTimeToHire, withdrawalReasons } from './figures';

/** Amira's quarter (journeys.md) through the product's own report, on the default demo. */
const data = generateDemoCouncil({ asOf: DEFAULT_DEMO_AS_OF });
const report = (d: DemoCouncil, filters: ReportFilters) =>
  computeReport(
    { applications: d.records.applications, events: d.records.stage_events, vacancies: d.records.vacancies, adverts: d.records.adverts, posts: d.records.posts, settings: d.settings, asOf: d.asOf },
    filters,
  );
const quarters = (d: DemoCouncil) => ({
  previous: { from: d.journeys.quarter.previousStart, to: addDays(d.journeys.quarter.start, -1) },
  current: { from: d.journeys.quarter.start, to: d.asOf },
});

describe("Amira's quarterly report over the demo data", () => {
  const q = quarters(data);
  const previous = report(data, q.previous);
  const current = report(data, q.current);

  it('median time to hire falls from about 58 to about 44 days', () => {
    expect(previous.timeToHire.calendarDays.median).toBeGreaterThanOrEqual(55);
    expect(previous.timeToHire.calendarDays.median).toBeLessThanOrEqual(61);
    expect(current.timeToHire.calendarDays.median).toBeGreaterThanOrEqual(41);
    expect(current.timeToHire.calendarDays.median).toBeLessThanOrEqual(47);
    expect(current.timeToHire.calendarDays.count).toBeGreaterThanOrEqual(4);
    // The same from the records directly.
    expect(cohortTimeToHire(data, q.previous.from, q.previous.to).median).toBe(previous.timeToHire.calendarDays.median);
    expect(cohortTimeToHire(data, q.current.from, q.current.to).median).toBe(current.timeToHire.calendarDays.median);
  });

  it('~81% shortlisted within 5 working days, ~88% interviewed within target, ~72% of offers accepted', () => {
    expect(current.sla.shortlisting.rate!).toBeGreaterThan(0.76);
    expect(current.sla.shortlisting.rate!).toBeLessThan(0.86);
    expect(current.sla.shortlisting.rate!).toBeGreaterThan(previous.sla.shortlisting.rate!);
    expect(current.sla.interview.rate!).toBeGreaterThan(0.83);
    expect(current.sla.interview.rate!).toBeLessThan(0.93);
    const all = report(data, { from: q.previous.from, to: q.current.to });
    expect(all.offerAcceptance.rate!).toBeGreaterThan(0.66);
    expect(all.offerAcceptance.rate!).toBeLessThan(0.78);
    expect(current.offerAcceptance.rate!).toBeGreaterThan(0.6);
    expect(current.offerAcceptance.rate!).toBeLessThan(0.8);
  });

  it('withdrawals are mostly "took another job"', () => {
    const byReason = report(data, {}).funnel.exits;
    expect(byReason.withdrawn).toBeGreaterThan(0);
    const reasons = withdrawalReasons(data);
    const top = Object.entries(reasons).sort((a, b) => b[1] - a[1])[0];
    expect(top?.[0]).toBe('took_another_job');
  });

  it('workforce: the council and Children with Disabilities rates, as the report computes them', () => {
    const all = report(data, {});
    expect(all.workforce.vacancyRate!).toBeGreaterThanOrEqual(0.15);
    expect(all.workforce.vacancyRate!).toBeLessThanOrEqual(0.19);
    expect(all.workforce.agencyRate!).toBeGreaterThanOrEqual(0.15);
    expect(all.workforce.agencyRate!).toBeLessThanOrEqual(0.18);
    const cwd = report(data, { teamIds: [data.journeys.cwd.teamId] });
    expect(cwd.workforce.vacancyRate!).toBeCloseTo(0.24, 2);
    expect(cwd.workforce.agencyRate!).toBeCloseTo(0.19, 2);
  });

  it('by quarter of intake, time to hire falls on other dates and seeds too', () => {
    for (const [asOf, seed] of [['2026-11-23', 1], ['2027-06-28', 3], [DEFAULT_DEMO_AS_OF, 99]] as const) {
      const d = generateDemoCouncil({ asOf, seed });
      const { previous: p, current: c } = quarters(d);
      const before = report(d, p).timeToHire.calendarDays.median!;
      const after = report(d, c).timeToHire.calendarDays.median!;
      expect(before - after, `${asOf}/${seed}: ${before} -> ${after}`).toBeGreaterThanOrEqual(8);
    }
  });
});
