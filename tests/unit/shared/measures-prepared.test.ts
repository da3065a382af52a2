import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReport, percentile, percentiles, prepareReport, reportFromPrepared, ReportPreparer, type ReportData, type ReportFilters } from '#shared/measures/index';
import { DEFAULT_SETTINGS } from '#shared/schema/organisation';
import type { Advert, Application, Source, Vacancy } from '#shared/schema/recruitment';
import { STAGES, type StageEvent } from '#shared/schema/stage';

// The prepared path (ReportPreparer, reportFromPrepared) must give exactly computeReport's
// report over the same snapshot, however the data got there: records added, edited in place
// (same id, other fields), deleted, re-read as fresh objects, in any order; and a preparer
// must never answer a new snapshot from the one before.

const uuid = (kind: number, n: number) => `0190a6f0-000${kind}-7000-8000-${String(n).padStart(12, '0')}`;
const T = [uuid(1, 1), uuid(1, 2)];
const V: Vacancy[] = [
  { id: uuid(2, 1), title: 'SW', teamIds: [T[0]!], role: 'social_worker', posts: 2, mode: 'rolling', openedDate: '2026-01-05', status: 'open' },
  { id: uuid(2, 2), title: 'SSW', teamIds: [T[1]!], role: 'senior_social_worker', posts: 1, mode: 'closing-date', openedDate: '2026-02-02', closingDate: '2026-02-27', status: 'closed' },
];
const adverts: Advert[] = [{ id: uuid(3, 1), vacancyId: V[0]!.id, url: 'https://jobs.example.org/1', board: 'Community Care', postedDate: '2026-01-02', closingDate: '2026-03-31' }];
const SOURCES: Source[] = ['community_care', 'referral', 'microsite'];

const application = (n: number, vacancy: number, source: number, day: number): Application => ({
  id: uuid(4, n), vacancyId: V[vacancy]!.id, name: `A${n}`, source: SOURCES[source]!, referrer: source === 1 ? 'R' : null, experience: 'experienced',
  receivedDate: `2026-03-${String(1 + day).padStart(2, '0')}`,
});

// Few instants and offsets, across the BST change of 29 March 2026, so ties and day edges are common.
const stamp = (day: number, hour: number, offset: string) => `2026-03-${String(day + 1).padStart(2, '0')}T${String(hour).padStart(2, '0')}:30:00${offset}`;
const eventArb = fc.record({
  id: fc.integer({ min: 0, max: 40 }),
  app: fc.integer({ min: 0, max: 7 }), // 6 and 7 have no application: left out of reports
  stage: fc.constantFrom(...STAGES),
  day: fc.integer({ min: 0, max: 29 }),
  hour: fc.constantFrom(0, 1, 12, 23),
  offset: fc.constantFrom('Z', '+01:00', '-05:00'),
  interviewDay: fc.integer({ min: 0, max: 29 }),
});
type RawEvent = typeof eventArb extends fc.Arbitrary<infer E> ? E : never;
const toEvent = (r: RawEvent): StageEvent => ({
  id: uuid(5, r.id), applicationId: uuid(4, r.app), stage: r.stage, at: stamp(r.day, r.hour, r.offset), by: 'u',
  reason: r.stage === 'rejected' ? 'not_qualified' : r.stage === 'withdrawn' ? 'salary' : null,
  interviewAt: r.stage === 'interview_booked' ? stamp(r.interviewDay, 10, 'Z') : null,
});
const appArb = fc.record({ vacancy: fc.integer({ min: 0, max: 1 }), source: fc.integer({ min: 0, max: 2 }), day: fc.integer({ min: 0, max: 27 }) });

/** One snapshot of the data as a page reads it: every record a fresh object, events in some order. */
const snapshotArb = fc.record({
  apps: fc.array(appArb, { minLength: 6, maxLength: 6 }),
  events: fc.array(eventArb, { maxLength: 40 }),
  reversed: fc.boolean(),
});
type Snapshot = typeof snapshotArb extends fc.Arbitrary<infer S> ? S : never;

function dataOf(s: Snapshot): ReportData {
  // An id names one record per snapshot (the last write wins), as in a table.
  const byId = new Map(s.events.map((r) => [r.id, toEvent(r)]));
  const events = [...byId.values()];
  if (s.reversed) events.reverse();
  return { applications: s.apps.map((a, n) => application(n, a.vacancy, a.source, a.day)), events, vacancies: V, adverts, posts: [], settings: DEFAULT_SETTINGS };
}

const filtersArb: fc.Arbitrary<ReportFilters> = fc.oneof(
  fc.constant({}),
  fc.record({ from: fc.constant('2026-03-05'), to: fc.constant('2026-03-20'), groupBy: fc.constantFrom('month' as const, 'quarter' as const) }),
  fc.record({ teamIds: fc.constant([T[1]!]) }),
  fc.record({ sources: fc.constant<Source[]>(['referral']) }),
);

describe('prepared reports', () => {
  it('equal computeReport over each snapshot of a changing data set', () => {
    fc.assert(
      fc.property(fc.array(snapshotArb, { minLength: 1, maxLength: 5 }), filtersArb, (snapshots, filters) => {
        const preparer = new ReportPreparer();
        for (const s of snapshots) {
          const data = dataOf(s);
          const asOf = '2026-04-30';
          expect(reportFromPrepared(preparer.prepare(data), filters, asOf)).toEqual(computeReport({ ...data, asOf }, filters));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('prepares one snapshot once, and again when any of its arrays is replaced', () => {
    const data = dataOf({ apps: [0, 1, 2, 3, 4, 5].map((n) => ({ vacancy: n % 2, source: n % 3, day: n })), events: [], reversed: false });
    const preparer = new ReportPreparer();
    const first = preparer.prepare(data);
    expect(preparer.prepare({ ...data })).toBe(first);
    expect(preparer.prepare({ ...data, vacancies: [...data.vacancies] })).not.toBe(first);
  });

  it('re-reads an event whose timestamp changed under the same id', () => {
    const apps = [application(0, 0, 0, 0)];
    const event = (at: string): StageEvent => ({ id: uuid(5, 1), applicationId: apps[0]!.id, stage: 'accepted', at, by: 'u' });
    const base: ReportData = { applications: apps, events: [event('2026-03-11T09:00:00Z')], vacancies: V, adverts: [], posts: [], settings: DEFAULT_SETTINGS };
    const preparer = new ReportPreparer();
    expect(reportFromPrepared(preparer.prepare(base), {}, '2026-04-30').timeToHire.calendarDays.median).toBe(10);
    const edited = { ...base, events: [event('2026-03-21T09:00:00Z')] };
    expect(reportFromPrepared(preparer.prepare(edited), {}, '2026-04-30').timeToHire.calendarDays.median).toBe(20);
  });

  it('prepareReport keeps one set of facts per application, in order', () => {
    const data = dataOf({ apps: [0, 1, 2, 3, 4, 5].map((n) => ({ vacancy: n % 2, source: n % 3, day: n })), events: [], reversed: false });
    expect(prepareReport(data).facts.map((f) => f.application.id)).toEqual(data.applications.map((a) => a.id));
  });
});

describe('percentiles', () => {
  it('counts whole numbers to the same percentiles as sorting them, and sorts anything else', () => {
    const sorted = (v: number[]) => Float64Array.from(v).sort();
    fc.assert(
      fc.property(
        fc.oneof(fc.array(fc.integer({ min: -400, max: 900 }), { maxLength: 60 }), fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { maxLength: 20 }), fc.array(fc.constantFrom(0, 1e9), { maxLength: 5 })),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        (values, ps) => {
          expect(percentiles(values, ps)).toEqual(ps.map((p) => percentile(sorted(values), p)));
        },
      ),
      { numRuns: 500 },
    );
  });
});
