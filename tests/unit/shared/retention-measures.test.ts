import { describe, expect, it } from 'vitest';
import {
  agencyConversions,
  caseload,
  cohortRetention,
  computeRetentionReport,
  exitThemes,
  leaversBreakdown,
  quarterEnds,
  stability,
  stayConversations,
  themeTotals,
  turnover,
  transfers,
  type LeavingFacts,
  type StaffFacts,
} from '#shared/measures/index';
import type { ExitInterview, LeaverDestination, LeaverReason, Staff, StayConversation, Transfer } from '#shared/schema/index';

const uuid = (n: number) => `0190a6f0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const T1 = uuid(1);
const T2 = uuid(2);
const person = (n: number, teamId: string, fte: number, startDate: string, extra: Partial<StaffFacts> = {}): StaffFacts => ({
  id: uuid(100 + n),
  teamId,
  role: 'social_worker',
  fte,
  startDate,
  ...extra,
});
const a = person(1, T1, 1, '2020-01-06');
const b = person(2, T1, 0.5, '2021-03-01'); // part-time; leaves ON 30 September 2026
const c = person(3, T1, 1, '2019-05-01', { role: 'senior_social_worker' }); // leaves in December 2025
const d = person(4, T2, 0.8, '2022-01-01'); // moved from T1 to T2 in March 2026 (a transfer): not a leaver
const e = person(5, T2, 1, '2026-02-01', { fromAgency: true });
const f = person(6, T2, 1, '2018-01-01'); // leaves the day after the census date
const g = person(7, T1, 0.6, '2025-06-01'); // leaves ON 30 September 2025: last year's leaver
const h = person(8, T2, 1, '2026-04-01', { fromAgency: false });
const staff = [a, b, c, d, e, f, g, h];
const leaving = (n: number, s: StaffFacts, leavingDate: string, reason: LeaverReason, destination: LeaverDestination): LeavingFacts => ({
  id: uuid(200 + n),
  staffId: s.id,
  leavingDate,
  reason,
  destination,
  fte: s.fte,
});
const leavers = [
  leaving(1, b, '2026-09-30', 'pay', 'another_council'),
  leaving(2, c, '2025-12-31', 'workload', 'agency'),
  leaving(4, f, '2026-10-01', 'retirement', 'retirement'),
  leaving(5, g, '2025-09-30', 'pay', 'another_council'),
];
const moves: Transfer[] = [
  { id: uuid(401), staffId: d.id, fromTeamId: T1, toTeamId: T2, requestedOn: '2026-01-12', decidedOn: '2026-01-26', decision: 'approved', movedOn: '2026-03-02' },
  { id: uuid(402), staffId: a.id, fromTeamId: T1, toTeamId: T2, requestedOn: '2026-05-04', decidedOn: '2026-05-08', decision: 'declined' },
  { id: uuid(403), staffId: f.id, fromTeamId: T2, toTeamId: T1, requestedOn: '2026-06-01', decision: 'pending' },
];

describe('turnover (DfE census: leavers FTE in the year to 30 September ÷ FTE in post at 30 September)', () => {
  it('counts a leaver on 30 September as that year’s leaver and not in post, part-time at their FTE, and an internal move as neither', () => {
    // Leavers 1 Oct 2025 – 30 Sep 2026: b (0.5 FTE, on the 30th) and c (1). Not g (30 Sep 2025), f (1 Oct 2026), nor d (internal move).
    // In post on 30 Sep 2026: a 1 + d 0.8 + e 1 + f 1 + h 1 = 4.8 (b left that day).
    const t = turnover(staff, leavers, '2026-09-30');
    expect(t).toEqual({ from: '2025-10-01', to: '2026-09-30', leavers: 2, leaversFte: 1.5, fteInPost: 4.8, rate: 1.5 / 4.8 });
  });

  it('counts last year’s 30 September leaver in last year only', () => {
    // In post on 30 Sep 2025: a 1, b 0.5, c 1, d 0.8, f 1 = 4.3; g left that day.
    expect(turnover(staff, leavers, '2025-09-30')).toMatchObject({ leavers: 1, leaversFte: 0.6, fteInPost: 4.3, rate: 0.6 / 4.3 });
  });

  it('filters leavers and FTE in post by team and role alike', () => {
    expect(turnover(staff, leavers, '2026-09-30', { teamIds: [T1] })).toMatchObject({ leaversFte: 1.5, fteInPost: 1, rate: 1.5 });
    expect(turnover(staff, leavers, '2026-09-30', { roles: ['senior_social_worker'] })).toMatchObject({ leavers: 1, leaversFte: 1, fteInPost: 0, rate: null });
    expect(turnover(staff, leavers, '2026-09-30', { teamIds: [T2] })).toMatchObject({ leavers: 0, fteInPost: 4.8 - 1, rate: 0 });
  });

  it('counts a person once however many leavings were recorded for them', () => {
    const twice = [...leavers, leaving(9, c, '2026-01-15', 'workload', 'agency')];
    expect(turnover(staff, twice, '2026-09-30').leaversFte).toBe(1.5);
  });

  it('counts each leaver at the FTE they left, not their record’s FTE now', () => {
    const reduced = leavers.map((l) => (l.staffId === c.id ? { ...l, fte: 0.4 } : l));
    expect(turnover(staff, reduced, '2026-09-30').leaversFte).toBe(0.9);
  });
});

describe('stability (share of staff in post a year ago still in post)', () => {
  it('keeps the internal mover, loses the leavers, ignores starters since', () => {
    // In post 30 Sep 2025: a, b, c, d, f (g left that day). Still in post 30 Sep 2026: a, d, f.
    expect(stability(staff, leavers, '2026-09-30')).toEqual({ from: '2025-09-30', to: '2026-09-30', inPostAYearAgo: 5, stillInPost: 3, rate: 3 / 5 });
    expect(stability(staff, leavers, '2026-09-30', { teamIds: [T2] })).toMatchObject({ inPostAYearAgo: 2, stillInPost: 2, rate: 1 });
  });
});

describe('leavers by reason and destination', () => {
  it('tallies headcount and FTE in the period and counts internal moves apart', () => {
    const out = leaversBreakdown(staff, leavers, moves, { from: '2025-10-01', to: '2026-09-30' });
    expect(out).toEqual({
      leavers: { count: 2, fte: 1.5 },
      byReason: { pay: { count: 1, fte: 0.5 }, workload: { count: 1, fte: 1 } },
      byDestination: { another_council: { count: 1, fte: 0.5 }, agency: { count: 1, fte: 1 } },
      internalMoves: 1,
    });
    expect(leaversBreakdown(staff, leavers, moves, { from: '2025-10-01', to: '2026-09-30', roles: ['senior_social_worker'] }).leavers).toEqual({ count: 1, fte: 1 });
    expect(leaversBreakdown(staff, leavers, moves, { from: '2025-10-01', to: '2026-09-30', teamIds: [T2] }).internalMoves).toBe(0); // d moved into T2, not out
  });
});

describe('exit themes per quarter', () => {
  const interviews: ExitInterview[] = [
    { id: uuid(501), leaverId: uuid(201), outcome: 'held', offeredOn: '2026-07-01', heldOn: '2026-07-15', themes: ['caseload', 'pay'], notes: 'SECRET NOTE about my manager', heldWith: 'A colleague' },
    { id: uuid(502), leaverId: uuid(202), outcome: 'declined', offeredOn: '2025-12-20', heldOn: null, themes: [] },
    { id: uuid(503), leaverId: uuid(205), outcome: 'held', offeredOn: '2025-09-01', heldOn: '2025-09-20', themes: ['caseload', 'caseload'], notes: 'SECRET NOTE', heldWith: 'HR' },
    { id: uuid(504), leaverId: uuid(201), outcome: 'pending', offeredOn: '2026-08-01', themes: [] },
  ];
  it('counts held interviews and their themes (once each) in the quarter held, the others in the quarter offered', () => {
    const out = exitThemes(interviews, leavers, staff, {});
    expect(out).toEqual([
      { quarter: '2025-Q3', offered: 0, held: 1, declined: 0, themes: { caseload: 1 } },
      { quarter: '2025-Q4', offered: 0, held: 0, declined: 1, themes: {} },
      { quarter: '2026-Q3', offered: 1, held: 1, declined: 0, themes: { caseload: 1, pay: 1 } },
    ]);
    expect(themeTotals(out)).toEqual([['caseload', 2], ['pay', 1]]);
  });
  it('never carries the notes or who held it', () => {
    const text = JSON.stringify(exitThemes(interviews, leavers, staff, {}));
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('colleague');
  });
  it('filters by the leaver’s team and role and by the period', () => {
    expect(exitThemes(interviews, leavers, staff, { roles: ['senior_social_worker'] }).map((q) => q.quarter)).toEqual(['2025-Q4']);
    expect(exitThemes(interviews, leavers, staff, { from: '2026-01-01' }).map((q) => q.quarter)).toEqual(['2026-Q3']);
  });
});

describe('Stay conversations', () => {
  const conversations: StayConversation[] = [
    { id: uuid(601), staffId: a.id, heldBy: 'user-psw', holderRole: 'principal_social_worker', heldOn: '2026-05-02', outcome: 'stayed', themes: ['management support'], notes: 'Sam is thinking of going' },
    { id: uuid(602), staffId: f.id, heldBy: 'user-hrbp', holderRole: 'hr_business_partner', heldOn: '2026-06-10', outcome: 'transferred', themes: ['travel', 'management support'] },
    { id: uuid(603), staffId: d.id, heldBy: 'user-hrbp', holderRole: 'hr_business_partner', heldOn: '2026-08-01', outcome: 'open', themes: [] },
  ];
  it('counts outcomes and themes per quarter', () => {
    expect(stayConversations(conversations, {})).toEqual([
      { quarter: '2026-Q2', held: 2, outcomes: { stayed: 1, transferred: 1 }, themes: { 'management support': 2, travel: 1 } },
      { quarter: '2026-Q3', held: 1, outcomes: { open: 1 }, themes: {} },
    ]);
  });
  it('never exposes the person: no staff id, no notes, not who held it, and takes no team filter that could single them out', () => {
    const full = conversations;
    const text = JSON.stringify(stayConversations(full, { from: '2026-01-01', to: '2026-12-31' }));
    for (const secret of ['Sam', a.id, f.id, d.id, 'user-psw', 'user-hrbp', 'principal', 'hr_business']) expect(text).not.toContain(secret);
    // The same counts from a view the server redacted (no staffId, no notes): nothing depends on whose it was.
    const redacted = full.map(({ staffId: _s, notes: _n, ...rest }) => rest);
    expect(stayConversations(redacted, {})).toEqual(stayConversations(full, {}));
  });
});

describe('agency-to-permanent conversions', () => {
  it('counts permanent starters in the period who came from agency work here', () => {
    expect(agencyConversions(staff, { from: '2025-10-01', to: '2026-09-30' })).toEqual({ starters: 2, conversions: 1, share: 0.5 });
    expect(agencyConversions(staff, { from: '2026-03-01', to: '2026-09-30' })).toEqual({ starters: 1, conversions: 0, share: 0 });
  });
});

describe('internal transfers', () => {
  it('counts requests by decision and the waiting time to decision and to move', () => {
    const out = transfers(moves, { from: '2026-01-01', to: '2026-12-31' });
    expect(out).toMatchObject({ requested: 3, byDecision: { pending: 1, approved: 1, declined: 1, withdrawn: 0 }, moved: 1 });
    expect(out.daysToDecision).toMatchObject({ count: 2, median: 9 }); // 14 and 4 days
    expect(out.daysToMove).toMatchObject({ count: 1, median: 49 });
    expect(transfers(moves, { teamIds: [T2], from: '2026-05-01' }).requested).toBe(2); // to T2, and from T2
  });
});

describe('ASYE cohorts: completion at 12 months, retention at 12, 24 and 36', () => {
  const n1 = person(21, T1, 1, '2023-09-01', { role: 'nqsw' });
  const n2 = person(22, T1, 1, '2023-09-01', { role: 'nqsw' });
  const n3 = person(23, T2, 1, '2023-09-01', { role: 'nqsw' });
  const m1 = person(24, T2, 1, '2025-01-06', { role: 'nqsw' });
  const m2 = person(25, T2, 1, '2025-01-06', { role: 'nqsw' });
  // n2 moved team in 2026 (a transfer): still retained, since no leaver was recorded.
  const cohorts = [
    { id: uuid(31), name: 'Control 2025', startMonth: '2025-01', programme: 'Standard ASYE', isControl: true },
    { id: uuid(30), name: 'New programme 2023', startMonth: '2023-09', programme: 'Hampshire Academy', isControl: false },
  ];
  const member = (s: StaffFacts, cohortId: string, asyeCompletedOn: string | null) => ({ id: s.id, startDate: s.startDate, cohortId, asyeCompletedOn });
  const members = [
    member(n1, uuid(30), '2024-08-15'),
    member(n2, uuid(30), '2024-10-01'), // a month late: not within 12 months
    member(n3, uuid(30), null),
    member(m1, uuid(31), '2025-12-19'),
    member(m2, uuid(31), null),
    { id: uuid(99), startDate: '2020-01-01', cohortId: null, asyeCompletedOn: null }, // in no cohort
  ];
  const left = [
    leaving(31, n3, '2025-06-30', 'workload', 'left_profession'),
    leaving(33, m2, '2026-01-01', 'pay', 'agency'), // leaves on the 12-month date: not retained at 12
  ];
  it('compares cohort against cohort, with nothing before its date has come', () => {
    const rows = cohortRetention(cohorts, members, left, '2026-10-15');
    expect(rows).toEqual([
      { cohortId: uuid(30), name: 'New programme 2023', programme: 'Hampshire Academy', control: false, startDate: '2023-09-01', members: 3, completedIn12: 1 / 3, retention: { 12: 1, 24: 2 / 3, 36: 2 / 3 } },
      { cohortId: uuid(31), name: 'Control 2025', programme: 'Standard ASYE', control: true, startDate: '2025-01-01', members: 2, completedIn12: 1 / 2, retention: { 12: 1 / 2, 24: null, 36: null } },
    ]);
  });
});

describe('caseload (cases held ÷ FTE holding cases) against the limit', () => {
  const weeks = [
    { teamId: T1, weekStart: '2026-09-07', casesHeld: 48, fteHoldingCases: 3 },
    { teamId: T2, weekStart: '2026-09-07', casesHeld: 30, fteHoldingCases: 2.5 },
    { teamId: T1, weekStart: '2026-09-14', casesHeld: 45, fteHoldingCases: 3 },
    { teamId: T2, weekStart: '2026-09-14', casesHeld: 4, fteHoldingCases: 0 },
  ];
  it('per team per week, and over teams as total cases ÷ total FTE', () => {
    const out = caseload(weeks, 15);
    expect(out.rows.map((r) => [r.teamId, r.week, r.caseload, r.overLimit])).toEqual([
      [T1, '2026-09-07', 16, true],
      [T2, '2026-09-07', 12, false],
      [T1, '2026-09-14', 15, false], // at the limit is within it
      [T2, '2026-09-14', null, false],
    ]);
    expect(out.byWeek[0]).toEqual({ week: '2026-09-07', casesHeld: 78, fteHoldingCases: 5.5, caseload: 14.2, overLimit: false, teamsOverLimit: 1 });
    expect(caseload(weeks, 15, { teamIds: [T2], from: '2026-09-08' }).rows).toHaveLength(1);
  });
});

describe('the retention report', () => {
  it('gives the latest census year and the twelve months to the period end, each member of staff in their post’s team', () => {
    const records: Staff[] = staff.map((s, i) => ({ id: s.id, postId: uuid(700 + i), name: `Person ${i}`, role: s.role, fte: s.fte, startDate: s.startDate, fromAgency: !!s.fromAgency }));
    const posts = staff.map((s, i) => ({ id: uuid(700 + i), teamId: s.teamId }));
    const input = { staff: records, posts, leavers, exitInterviews: [], stayConversations: [], transfers: moves, cohorts: [], caseloadWeeks: [], caseloadLimit: 15 };
    const r = computeRetentionReport(input, { from: '2026-10-01', to: '2026-12-31' }, '2026-11-20');
    expect(r.census.turnover.to).toBe('2026-09-30');
    expect(r.rolling.turnover).toMatchObject({ from: '2025-11-21', to: '2026-11-20', leavers: 3, leaversFte: 2.5 }); // c (Dec 2025), b (30 Sep), f (1 Oct)
    expect(r.turnoverByQuarter.map((q) => q.quarterEnd)).toEqual(['2024-12-31', '2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31', '2026-03-31', '2026-06-30', '2026-09-30']);
    expect(r.turnoverByQuarter[7]!.turnover.rate).toBe(1.5 / 4.8);
    expect(computeRetentionReport(input, { teamIds: [T1] }, '2026-09-30').census.turnover).toMatchObject({ leaversFte: 1.5, fteInPost: 1 });
  });
  it('lists quarter ends up to and including a quarter’s last day', () => {
    expect(quarterEnds('2026-09-30', 2)).toEqual(['2026-06-30', '2026-09-30']);
    expect(quarterEnds('2026-01-01', 1)).toEqual(['2025-12-31']);
  });
});
