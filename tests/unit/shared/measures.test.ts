import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '#shared/calendar';
import { computeReport, deriveFacts, eventColumns, percentile, summarise, type Report, type ReportInput } from '#shared/measures/index';
import { currentStage, exitOf } from '#shared/stages';
import type { Post } from '#shared/schema/establishment';
import { DEFAULT_SETTINGS } from '#shared/schema/organisation';
import type { Advert, Application, Source, Vacancy } from '#shared/schema/recruitment';
import { OPEN_STAGES, STAGES, type ExitReason, type Stage, type StageEvent } from '#shared/schema/stage';

const uuid = (n: number) => `0190a6f0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const T1 = uuid(1);
const T2 = uuid(2);
const V1: Vacancy = { id: uuid(11), title: 'Social worker, CP', teamIds: [T1], role: 'social_worker', posts: 2, mode: 'rolling', openedDate: '2026-03-02', status: 'open' };
const V2: Vacancy = { id: uuid(12), title: 'Senior SW, CiC', teamIds: [T2], role: 'senior_social_worker', posts: 1, mode: 'closing-date', openedDate: '2026-03-02', closingDate: '2026-03-13', status: 'closed' };
const adverts: Advert[] = [{ id: uuid(21), vacancyId: V1.id, url: 'https://jobs.example.org/1', board: 'Community Care', postedDate: '2026-02-27', closingDate: '2026-03-31' }];

let seq = 0;
type Step = [Stage, string, Partial<StageEvent>?];
function application(n: number, vacancy: Vacancy, source: Source, receivedDate: string, steps: Step[]): { app: Application; events: StageEvent[] } {
  const app: Application = { id: uuid(100 + n), vacancyId: vacancy.id, name: `A${n}`, source, referrer: source === 'referral' ? 'R' : null, experience: 'experienced', receivedDate };
  const events = steps.map(([stage, date, extra]) => ({ id: uuid(1000 + ++seq), applicationId: app.id, stage, at: `${date}T12:00:00Z`, by: 'u', ...extra }));
  return { app, events };
}
const booked = (date: string) => ({ interviewAt: `${date}T10:00:00+00:00` });
const why = (reason: ExitReason) => ({ reason });

// All 2026, England and Wales. Good Friday 3 Apr, Easter Monday 6 Apr, early May 4 May, spring 25 May.
const data = [
  application(1, V1, 'community_care', '2026-03-02', [
    ['applied', '2026-03-02'], ['shortlisted', '2026-03-04'], ['interview_booked', '2026-03-05', booked('2026-03-10')],
    ['interviewed', '2026-03-10'], ['offered', '2026-03-12'], ['accepted', '2026-03-16'], ['checks_complete', '2026-04-15'], ['started', '2026-05-01'],
  ]),
  application(2, V1, 'referral', '2026-03-03', [
    ['applied', '2026-03-03'], ['shortlisted', '2026-03-12'], ['interviewed', '2026-03-20'], ['offered', '2026-03-23'], ['withdrawn', '2026-03-25', why('declined_offer')],
  ]),
  application(3, V1, 'community_care', '2026-03-04', [['applied', '2026-03-04'], ['rejected', '2026-03-06', why('not_qualified')]]),
  application(4, V2, 'microsite', '2026-03-09', [
    ['applied', '2026-03-09'], ['shortlisted', '2026-03-16'], ['interview_booked', '2026-03-17', booked('2026-03-19')], ['interviewed', '2026-03-19'],
    ['offered', '2026-03-24'], ['accepted', '2026-03-26'], ['checks_complete', '2026-05-20'], ['started', '2026-06-01'],
  ]),
  application(5, V2, 'community_care', '2026-03-12', [['applied', '2026-03-12']]),
  application(6, V1, 'referral', '2026-06-26', [['applied', '2026-06-26']]),
  application(7, V1, 'community_care', '2026-03-02', [['applied', '2026-03-02'], ['withdrawn', '2026-03-03', why('took_another_job')]]),
  application(8, V2, 'other_board', '2026-03-05', [['applied', '2026-03-05'], ['shortlisted', '2026-03-17'], ['withdrawn', '2026-04-01', why('salary')]]),
];
const post = (n: number, teamId: string, fte: number, cover: Post['cover']): Post => ({ id: uuid(300 + n), teamId, role: 'social_worker', fte, cover });
const posts = [post(1, T1, 1, 'permanent'), post(2, T1, 0.5, 'permanent'), post(3, T1, 1, 'agency'), post(4, T1, 1, 'vacant'), post(5, T2, 0.8, 'interim'), post(6, T2, 0.6, 'agency')];
const input: ReportInput = {
  applications: data.map((d) => d.app),
  events: data.flatMap((d) => d.events).reverse(), // arrival order must not matter
  vacancies: [V1, V2],
  adverts,
  posts,
  settings: DEFAULT_SETTINGS,
  asOf: '2026-06-30',
};

describe('statistics', () => {
  it('interpolates percentiles linearly between closest ranks', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 2, 5, 7, 8], 0.9)).toBeCloseTo(7.5); // h = 5 * 0.9 = 4.5 -> 7 + 0.5 * (8 - 7)
    expect(summarise([3, 1, 2])).toEqual({ count: 3, mean: 2, median: 2, p90: 2.8 });
  });
});

describe('measures on a hand-computed data set', () => {
  const r = computeReport(input);

  it('funnel: reached each stage, conversions and exits', () => {
    // Furthest stage: A1 started, A2 offered, A3 applied, A4 started, A5 applied, A6 applied, A7 applied, A8 shortlisted.
    expect(r.funnel.steps.map((s) => [s.stage, s.count])).toEqual([
      ['applied', 8], ['shortlisted', 4], ['interviewed', 3], ['offered', 3], ['accepted', 2], ['started', 2],
    ]);
    expect(r.funnel.steps.map((s) => s.fromPrevious)).toEqual([1, 4 / 8, 3 / 4, 3 / 3, 2 / 3, 2 / 2]);
    expect(r.funnel.steps.at(-1)!.fromApplied).toBe(2 / 8);
    expect(r.funnel.exits).toEqual({ rejected: 1, withdrawn: 3 });
    expect(r.funnel.byReason).toEqual({ rejected: { not_qualified: 1 }, withdrawn: { declined_offer: 1, took_another_job: 1, salary: 1 } });
    expect(r.funnel.byStageLeft).toEqual({
      applied: { rejected: 1, withdrawn: 1 }, // A3, A7
      offered: { rejected: 0, withdrawn: 1 }, // A2
      shortlisted: { rejected: 0, withdrawn: 1 }, // A8
    });
    // No internal applications here: the external funnel is the whole one.
    expect(r.funnel.byGroup.external).toEqual({ steps: r.funnel.steps, exits: r.funnel.exits });
    expect(r.funnel.byGroup.internal.steps.map((s) => [s.count, s.fromApplied])).toEqual(r.funnel.steps.map(() => [0, null]));
  });

  it('time to hire, and the civil-service variant from closing date to offer', () => {
    // A1: Mon 2 Mar -> Mon 16 Mar = 14 days; working Tue 3 .. Mon 16 = 10.
    // A4: Mon 9 Mar -> Thu 26 Mar = 17 days; working 10-13 (4) + 16-20 (5) + 23-26 (4) = 13.
    // Median (14 + 17) / 2 = 15.5; p90 = 14 + 0.9 * 3 = 16.7.
    expect(r.timeToHire.calendarDays).toEqual({ count: 2, mean: 15.5, median: 15.5, p90: expect.closeTo(16.7) });
    expect(r.timeToHire.workingDays).toEqual({ count: 2, mean: 11.5, median: 11.5, p90: expect.closeTo(12.7) });
    // Offers: A1 12 Mar and A2 23 Mar on V1 (advert closes 31 Mar: before closing, so 0);
    // A4 24 Mar on V2 (closed Fri 13 Mar): 11 days, working 16-20 (5) + 23-24 (2) = 7.
    // [0, 0, 11]: median 0, mean 11/3, p90 h = 1.8 -> 0 + 0.8 * 11 = 8.8.
    expect(r.timeToHire.closingToOffer.calendarDays).toEqual({ count: 3, mean: 11 / 3, median: 0, p90: expect.closeTo(8.8) });
    expect(r.timeToHire.closingToOffer.workingDays).toEqual({ count: 3, mean: 7 / 3, median: 0, p90: expect.closeTo(5.6) });
  });

  it('time to fill', () => {
    // V1: opened Mon 2 Mar -> A1 started Fri 1 May = 60 days; working: March after the 2nd 21,
    // April 22 weekdays - 2 Easter = 20, 1 May = 1 -> 42.
    // V2: opened 2 Mar -> A4 started Mon 1 Jun = 91 days; working 42 + May 4-29 (20 - 2 holidays = 18) + 1 Jun -> 61.
    expect(r.timeToFill).toEqual({
      calendarDays: { count: 2, mean: 75.5, median: 75.5, p90: expect.closeTo(87.9) }, // 60 + 0.9 * 31
      workingDays: { count: 2, mean: 51.5, median: 51.5, p90: expect.closeTo(59.1) }, // 42 + 0.9 * 19
      unfilled: 0,
    });
  });

  it('time in stage, working days over completed stays', () => {
    // Applied: A1 2, A2 7, A3 2, A4 5, A7 1, A8 8 (A5, A6 still there) -> [1,2,2,5,7,8]:
    // median (2 + 5) / 2 = 3.5, p90 7.5, mean 25 / 6.
    expect(r.timeInStage.applied).toEqual({ count: 6, mean: 25 / 6, median: 3.5, p90: expect.closeTo(7.5) });
    // Shortlisted: A1 1, A2 6 (13-20 Mar), A4 1, A8 11 (18 Mar - 1 Apr) -> [1,1,6,11]: median 3.5, p90 h = 2.7 -> 6 + 0.7 * 5 = 9.5.
    expect(r.timeInStage.shortlisted).toEqual({ count: 4, mean: 19 / 4, median: 3.5, p90: expect.closeTo(9.5) });
    expect(r.timeInStage.interview_booked.median).toBe(2.5); // A1 3, A4 2
    expect(r.timeInStage.interviewed.median).toBe(2); // A1 2, A2 1, A4 3
    expect(r.timeInStage.offered).toMatchObject({ count: 3, median: 2 });
    // Accepted: A1 16 Mar -> 15 Apr = 20 (Easter skipped); A4 26 Mar -> 20 May = 36 (Easter and 4 May skipped).
    expect(r.timeInStage.accepted).toMatchObject({ count: 2, median: 28 });
    // Checks complete: A1 15 Apr -> 1 May = 12; A4 20 May -> 1 Jun = 7 (25 May skipped).
    expect(r.timeInStage.checks_complete).toMatchObject({ count: 2, median: 9.5 });
  });

  it('SLA compliance, with pending items as documented', () => {
    // Shortlisting (5 working days from ready): A1 met (due 9 Mar, 4 Mar), A2 missed (due 10 Mar, 12 Mar),
    // A3 met (rejected 6 Mar, due 11 Mar), A4 met (ready 13 Mar closing, due 20 Mar, 16 Mar),
    // A5 missed (undecided, due 20 Mar, now 30 Jun), A6 pending (due 3 Jul), A7 excluded (withdrew 3 Mar, due 9 Mar),
    // A8 met (ready 13 Mar, due 20 Mar, 17 Mar). 4 / (4 + 2).
    expect(r.sla.shortlisting).toEqual({ met: 4, missed: 2, pending: 1, excluded: 1, rate: 4 / 6 });
    // Interview (5 working days from shortlisting): A1 met (due 11 Mar, booked and held 10 Mar),
    // A2 missed (due 19 Mar, held 20 Mar), A4 met (due 23 Mar, 19 Mar), A8 missed (due 24 Mar, withdrew 1 Apr uninterviewed).
    expect(r.sla.interview).toEqual({ met: 2, missed: 2, pending: 0, excluded: 0, rate: 0.5 });
  });

  it('offer acceptance', () => {
    // Accepted A1, A4; A2 declined. 2 / (2 + 1).
    expect(r.offerAcceptance).toEqual({ accepted: 2, declined: 1, open: 0, rate: 2 / 3 });
  });

  it('vacancy and agency rates as the DfE census defines them', () => {
    // permanent 1.5, interim 0.8 (counted as filled), agency 1.6, vacant 1.0.
    // Vacancy: (1.0 + 1.6) / (2.6 + 1.5 + 0.8) = 2.6 / 4.9. Agency: 1.6 / (1.6 + 2.3) = 1.6 / 3.9.
    expect(r.workforce).toEqual({
      permanent: 1.5, interim: 0.8, agency: 1.6, vacant: 1, vacancyRate: expect.closeTo(2.6 / 4.9), agencyRate: expect.closeTo(1.6 / 3.9),
    });
    // Team 1 only: (1 + 1) / (2 + 1.5) and 1 / 2.5.
    const t1 = computeReport(input, { teamIds: [T1] }).workforce;
    expect(t1.vacancyRate).toBeCloseTo(2 / 3.5);
    expect(t1.agencyRate).toBeCloseTo(0.4);
    expect(computeReport({ ...input, posts: [] }).workforce.vacancyRate).toBeNull();
  });

  it('source effectiveness', () => {
    const bySource = Object.fromEntries(r.sources.map((s) => [s.source, s]));
    // Community Care: A1, A3, A5, A7; one hire (A1, 14 days, 10 working).
    expect(bySource.community_care).toEqual({ source: 'community_care', applications: 4, hires: 1, conversion: 0.25, medianDaysToHire: 14, medianWorkingDaysToHire: 10 });
    expect(bySource.microsite).toMatchObject({ applications: 1, hires: 1, conversion: 1, medianDaysToHire: 17 });
    expect(bySource.referral).toMatchObject({ applications: 2, hires: 0, conversion: 0, medianDaysToHire: null });
    expect(bySource.agency).toMatchObject({ applications: 0, hires: 0, conversion: null });
  });

  it('groups cohorts over time', () => {
    expect(r.overTime).toEqual([
      { period: '2026-03', applications: 7, shortlisted: 4, offered: 3, hires: 2, medianDaysToHire: 15.5, shortlistingSla: 4 / 6 },
      { period: '2026-06', applications: 1, shortlisted: 0, offered: 0, hires: 0, medianDaysToHire: null, shortlistingSla: null },
    ]);
    expect(computeReport(input, { groupBy: 'quarter' }).overTime.map((p) => [p.period, p.applications])).toEqual([['2026-Q1', 7], ['2026-Q2', 1]]);
  });

  it('filters by period, team, role and source', () => {
    expect(computeReport(input, { sources: ['community_care'] }).applications).toBe(4);
    expect(computeReport(input, { teamIds: [T2] }).funnel.steps[0]!.count).toBe(3); // A4, A5, A8
    expect(computeReport(input, { roles: ['senior_social_worker'] }).offerAcceptance).toMatchObject({ accepted: 1, declined: 0 });
    const june = computeReport(input, { from: '2026-06-01', to: '2026-06-30' });
    expect(june.applications).toBe(1);
    expect(june.timeToFill.calendarDays.count).toBe(0); // no vacancy opened in June
    expect(computeReport(input, { from: '2026-03-01', to: '2026-03-31', teamIds: [T1] }).timeToFill.calendarDays.median).toBe(60);
  });
});

describe('funnel: internal applications counted apart from external ones', () => {
  // The hand-computed set above (all external) and three internal applications (staff moving
  // teams under the transfer protocol) to V1: I1 moves, I2 is shortlisted and withdraws, I3 is rejected.
  const internal = [
    application(21, V1, 'internal', '2026-03-09', [
      ['applied', '2026-03-09'], ['shortlisted', '2026-03-10'], ['interviewed', '2026-03-12'], ['offered', '2026-03-13'],
      ['accepted', '2026-03-16'], ['checks_complete', '2026-03-20'], ['started', '2026-04-01'],
    ]),
    application(22, V1, 'internal', '2026-03-10', [['applied', '2026-03-10'], ['shortlisted', '2026-03-11'], ['withdrawn', '2026-03-18', why('location')]]),
    application(23, V1, 'internal', '2026-03-11', [['applied', '2026-03-11'], ['rejected', '2026-03-12', why('not_qualified')]]),
  ];
  const withInternal: ReportInput = { ...input, applications: [...input.applications, ...internal.map((d) => d.app)], events: [...input.events, ...internal.flatMap((d) => d.events)] };
  const f = computeReport(withInternal).funnel;
  const counts = (steps: Report['funnel']['steps']) => steps.map((s) => s.count);

  it('leaves the external funnel exactly as it was without them', () => {
    expect(f.byGroup.external).toEqual(computeReport(input).funnel.byGroup.external);
    expect(counts(f.byGroup.external.steps)).toEqual([8, 4, 3, 3, 2, 2]);
    expect(f.byGroup.external.exits).toEqual({ rejected: 1, withdrawn: 3 });
  });

  it('counts the internal ones on their own, with their own conversions', () => {
    // Reached: applied I1 I2 I3; shortlisted I1 I2; interviewed, offered, accepted, started I1.
    expect(counts(f.byGroup.internal.steps)).toEqual([3, 2, 1, 1, 1, 1]);
    expect(f.byGroup.internal.steps.map((s) => s.fromPrevious)).toEqual([1, 2 / 3, 1 / 2, 1, 1, 1]);
    expect(f.byGroup.internal.steps.at(-1)!.fromApplied).toBe(1 / 3);
    expect(f.byGroup.internal.exits).toEqual({ rejected: 1, withdrawn: 1 }); // I3, I2
  });

  it('keeps the headline funnel over all applications', () => {
    expect(counts(f.steps)).toEqual([11, 6, 4, 4, 3, 3]);
    expect(f.steps.at(-1)!.fromApplied).toBe(3 / 11);
    expect(f.exits).toEqual({ rejected: 2, withdrawn: 4 });
    expect(f.byReason).toEqual({ rejected: { not_qualified: 2 }, withdrawn: { declined_offer: 1, took_another_job: 1, salary: 1, location: 1 } });
  });

  it('follows the source filter: internal only leaves the external funnel empty', () => {
    const only = computeReport(withInternal, { sources: ['internal'] }).funnel;
    expect(only.byGroup.internal).toEqual(f.byGroup.internal);
    expect(counts(only.byGroup.external.steps)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(only.byGroup.external.steps[0]!.fromPrevious).toBeNull();
    expect(only.byGroup.external.exits).toEqual({ rejected: 0, withdrawn: 0 });
  });
});

describe('measures: properties', () => {
  // Random histories: walk the pipeline a random distance, maybe exit, a few days per step.
  const history = fc.record({
    received: fc.integer({ min: 0, max: 400 }),
    furthest: fc.integer({ min: 0, max: OPEN_STAGES.length - 1 }),
    exit: fc.option(fc.constantFrom<[Stage, ExitReason]>(['rejected', 'not_qualified'], ['withdrawn', 'declined_offer'], ['withdrawn', 'salary'])),
    gaps: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 9, maxLength: 9 }),
    source: fc.constantFrom<Source>('community_care', 'microsite', 'referral', 'internal'),
    closing: fc.boolean(),
  });

  type History = typeof history extends fc.Arbitrary<infer T> ? T : never;
  function build(histories: History[]): ReportInput {
    const apps: Application[] = [];
    const events: StageEvent[] = [];
    histories.forEach((h, n) => {
      const vacancy = h.closing ? V2 : V1;
      const received = addDays('2025-10-01', h.received);
      const steps: Step[] = [];
      let date = received;
      OPEN_STAGES.slice(0, h.furthest + 1).forEach((stage, i) => {
        date = addDays(date, i === 0 ? 0 : h.gaps[i]!);
        steps.push([stage, date, stage === 'interview_booked' ? booked(addDays(date, h.gaps[8]!)) : {}]);
      });
      if (h.exit && h.furthest < OPEN_STAGES.length - 1) steps.push([h.exit[0], addDays(date, h.gaps[8]!), why(h.exit[1])]);
      const d = application(n, vacancy, h.source, received, steps);
      apps.push(d.app);
      events.push(...d.events);
    });
    return { ...input, applications: apps, events, asOf: '2026-12-31' };
  }

  const rates = (r: Report) => [
    ...[r.funnel, r.funnel.byGroup.external, r.funnel.byGroup.internal].flatMap((f) => f.steps.flatMap((s) => [s.fromPrevious, s.fromApplied])),
    r.sla.shortlisting.rate, r.sla.interview.rate, r.offerAcceptance.rate, r.workforce.vacancyRate, r.workforce.agencyRate,
    ...r.sources.map((s) => s.conversion), ...r.overTime.map((p) => p.shortlistingSla),
  ];

  it('funnel counts never grow down the funnel, and rates stay within [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(history, { maxLength: 40 }), (histories) => {
        const r = computeReport(build(histories));
        const counts = r.funnel.steps.map((s) => s.count);
        for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeLessThanOrEqual(counts[i - 1]!);
        expect(counts[0]).toBe(histories.length);
        for (const x of rates(r)) if (x !== null) expect(x >= 0 && x <= 1, String(x)).toBe(true);
        // External and internal applications add up to the whole funnel, exits included.
        const { external, internal } = r.funnel.byGroup;
        expect(counts.map((_, i) => external.steps[i]!.count + internal.steps[i]!.count)).toEqual(counts);
        expect(internal.steps[0]!.count).toBe(histories.filter((h) => h.source === 'internal').length);
        expect([external.exits.rejected + internal.exits.rejected, external.exits.withdrawn + internal.exits.withdrawn]).toEqual([r.funnel.exits.rejected, r.funnel.exits.withdrawn]);
        const s = r.sla.shortlisting;
        expect(s.met + s.missed + s.pending + s.excluded).toBe(histories.length);
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order events arrive in', () => {
    fc.assert(
      fc.property(fc.array(history, { minLength: 1, maxLength: 15 }), fc.infiniteStream(fc.nat()), (histories, noise) => {
        const base = build(histories);
        const shuffled = [...base.events].map((e) => ({ e, k: noise.next().value })).sort((a, b) => a.k - b.k).map((x) => x.e);
        expect(computeReport({ ...base, events: shuffled })).toEqual(computeReport(base));
      }),
      { numRuns: 50 },
    );
  });
});

describe('report history order', () => {
  it('agrees with stages.ts on the current stage and exit, with ties, duplicates and any arrival order', () => {
    const event = fc.record({
      app: fc.integer({ min: 0, max: 4 }),
      stage: fc.constantFrom(...STAGES),
      // Few distinct instants, written with different offsets, so ties are common.
      minute: fc.integer({ min: 0, max: 5 }),
      offset: fc.constantFrom('Z', '+01:00', '-05:00'),
      id: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (raw) => {
        const apps = Array.from({ length: 5 }, (_, i) => application(500 + i, V1, 'microsite', '2026-03-02', []).app);
        const stamp = (minute: number, offset: string) => {
          const shift = offset === 'Z' ? 0 : offset === '+01:00' ? 60 : -300;
          const d = new Date(Date.UTC(2026, 2, 2, 12, minute + shift));
          return `${d.toISOString().slice(0, 19)}${offset}`;
        };
        // The same id always carries the same record, as in an append-only table.
        const byId = new Map<number, StageEvent>();
        const events = raw.map((r) => {
          if (!byId.has(r.id)) {
            byId.set(r.id, { id: uuid(7000 + r.id), applicationId: apps[r.app]!.id, stage: r.stage, at: stamp(r.minute, r.offset), by: 'u',
              reason: r.stage === 'rejected' ? 'not_qualified' : r.stage === 'withdrawn' ? 'salary' : null });
          }
          return byId.get(r.id)!;
        });
        const columns = eventColumns(apps, events);
        apps.forEach((a, k) => {
          const own = events.filter((e) => e.applicationId === a.id);
          const f = deriveFacts(a, V1, columns, k, DEFAULT_SETTINGS);
          expect(f.stage).toBe(currentStage(own));
          const exit = exitOf(own);
          expect(f.exit && { kind: f.exit.kind, reason: f.exit.reason, from: f.exit.from }).toEqual(exit && { kind: exit.kind, reason: exit.reason, from: exit.from });
        });
      }),
      { numRuns: 300 },
    );
  });
});
