import { describe, expect, it } from 'vitest';
import { candidateFieldsOf, SYNC_TABLE_NAMES } from '#shared/schema/index';
import { managesLeaver, SCOPE_RULES, scopeChanged, scopedRecord, scopeFingerprint, seesApplication, teamScope, vacancyScope, type Reader, type ScopeSlot } from '#shared/sync/scope';

const MO: Reader = { userId: 'user-mo', role: 'manager' };
const WEEK = '2026-11-30';
const NEXT = '2026-12-07';
const vacancies = [
  { id: 'v-team', teamIds: ['t-north'] },
  { id: 'v-own', teamIds: ['t-mine'] },
  { id: 'v-slot', teamIds: [] },
  { id: 'v-other', teamIds: ['t-south'] },
];
const slot = (over: Partial<ScopeSlot>): ScopeSlot => ({ week: WEEK, managerId: MO.userId, ...over });
const ids = (s: ReturnType<typeof vacancyScope>) => (s === 'all' ? 'all' : [...s].sort());

describe('need-to-know scope rules (shared/sync/scope.ts)', () => {
  it("a manager's vacancies: their slots of this week (vacancy, team) and the teams they manage", () => {
    const slots = [slot({ vacancyId: 'v-slot' }), slot({ teamId: 't-north' }), slot({ week: NEXT, teamId: 't-south' }), slot({ managerId: 'user-other', teamId: 't-south' })];
    expect(ids(vacancyScope(MO, WEEK, slots, ['t-mine'], vacancies))).toEqual(['v-own', 'v-slot', 'v-team']);
    // The week moves on: next week's slot counts, this week's no longer.
    expect(ids(vacancyScope(MO, NEXT, slots, [], vacancies))).toEqual(['v-other']);
    expect(ids(vacancyScope(MO, WEEK, [slot({})], [], vacancies))).toBe('all');
    for (const role of ['admin', 'central', 'coordinator'] as const) expect(vacancyScope({ userId: 'u', role }, WEEK, [], [], vacancies)).toBe('all');
  });

  it('an application is seen when assigned, decided by the reader, or of a vacancy in scope', () => {
    const scope = new Set(['v-team']);
    const app = (over: Partial<Parameters<typeof seesApplication>[2]>) => ({ vacancyId: 'v-other', assignedTo: null, decidedByReader: false, ...over });
    expect(seesApplication(MO, scope, app({}))).toBe(false);
    expect(seesApplication(MO, scope, app({ vacancyId: 'v-team' }))).toBe(true);
    expect(seesApplication(MO, scope, app({ assignedTo: MO.userId }))).toBe(true);
    expect(seesApplication(MO, scope, app({ assignedTo: 'user-other' }))).toBe(false);
    expect(seesApplication(MO, scope, app({ decidedByReader: true }))).toBe(true);
    expect(seesApplication({ userId: 'u', role: 'coordinator' }, scope, app({}))).toBe(true);
  });

  it('a redacted copy has the candidate fields null and the rest as it was', () => {
    const record = { id: 'a1', vacancyId: 'v-other', name: 'Xavier Candidate', email: 'x@example.org', phone: '0770', source: 'referral', referrer: 'Ann', receivedDate: '2026-03-02', assignedTo: null };
    const out = (sees: boolean) => ({ reader: MO, seesApplication: () => sees, managesLeaver: () => sees });
    expect(scopedRecord('applications', record, out(true))).toBe(record);
    const redacted = scopedRecord('applications', record, out(false));
    expect(redacted).toEqual({ ...record, name: null, email: null, phone: null, referrer: null, teamPreference: null, atsReference: null, atsUrl: null, redacted: true });
    expect(scopedRecord('stage_events', { id: 'e1', applicationId: 'a1', stage: 'rejected', reason: 'salary', note: 'said no' }, out(false))).toEqual({ id: 'e1', applicationId: 'a1', stage: 'rejected', reason: 'salary', note: null, redacted: true });
    // A table without a rule goes whole.
    const team = { id: 't1', name: 'North', managerId: 'user-mo' };
    expect(scopedRecord('teams', team, out(false))).toBe(team);
  });

  it('every table holding a candidate’s personal data has a rule that redacts all of it', () => {
    for (const t of SYNC_TABLE_NAMES) {
      const personal = candidateFieldsOf(t) as readonly string[];
      if (!personal.length) continue;
      expect(SCOPE_RULES[t], `${t} has candidate fields but no need-to-know rule in SCOPE_RULES`).toBeDefined();
      expect([...SCOPE_RULES[t]!.fields].sort()).toEqual([...personal].sort());
    }
  });

  it('the fingerprint changes with the scope and the role, not with the order; a changed scope restarts a pull after 0', () => {
    const a = scopeFingerprint(MO, new Set(['v1', 'v2']));
    expect(scopeFingerprint(MO, new Set(['v2', 'v1']))).toBe(a);
    expect(scopeFingerprint(MO, new Set(['v1']))).not.toBe(a);
    expect(scopeFingerprint(MO, 'all')).not.toBe(a);
    expect(scopeFingerprint({ userId: 'u', role: 'coordinator' }, 'all')).toBe('coordinator');
    expect(scopeChanged(0, 'old', a, MO)).toBe(false);
    expect(scopeChanged(5, a, a, MO)).toBe(false);
    expect(scopeChanged(5, 'old', a, MO)).toBe(true);
    // An older client sends none: it holds everything, so a restricted reader starts again.
    expect(scopeChanged(5, undefined, a, MO)).toBe(true);
    expect(scopeChanged(5, undefined, 'coordinator', { userId: 'u', role: 'coordinator' })).toBe(false);
    expect(scopeChanged(5, 'coordinator', 'admin', { userId: 'u', role: 'admin' })).toBe(true);
  });
});

describe('need-to-know for staff records', () => {
  const teams = [
    { id: 't-mine', managerId: MO.userId },
    { id: 't-other', managerId: 'user-other' },
  ];
  const posts = [
    { id: 'p-mine', teamId: 't-mine' },
    { id: 'p-other', teamId: 't-other' },
  ];
  const leavers = [
    { id: 'l-mine', postId: 'p-mine' },
    { id: 'l-other', postId: 'p-other' },
  ];
  const team = teamScope(MO, teams, posts, leavers);
  const lookup = (reader: Reader) => ({ reader, seesApplication: () => true, managesLeaver: (id: string) => managesLeaver(reader, reader === MO ? team : null, id) });
  const interview = (leaverId: string) => ({ id: `e-${leaverId}`, leaverId, offeredOn: '2026-06-20', outcome: 'held', heldOn: '2026-06-25', heldWith: 'Sam Colleague', themes: ['caseload', 'pay'], notes: 'Jo found the caseload heavy' });
  const incentive = { id: 'i1', staffId: 's1', kind: 'refer_a_friend', amount: 500, paidOn: ['2026-01-05'], clawbackMonths: 12, clawbackBasis: 'full', referredApplicationId: 'a1' };

  it("a manager's team scope is the posts of the teams they manage and the leavers who left them", () => {
    expect([...team.posts]).toEqual(['p-mine']);
    expect([...team.leavers]).toEqual(['l-mine']);
    expect(teamScope({ userId: 'user-nobody', role: 'manager' }, teams, posts, leavers).leavers.size).toBe(0);
  });

  it("a manager gets an exit interview's words only for a leaver of their team; themes, outcome and dates always", () => {
    const own = interview('l-mine');
    expect(scopedRecord('exit_interviews', own, lookup(MO))).toBe(own);
    expect(scopedRecord('exit_interviews', interview('l-other'), lookup(MO))).toEqual({ ...interview('l-other'), heldWith: null, notes: null, redacted: true });
    for (const role of ['admin', 'central', 'coordinator'] as const) {
      const whole = interview('l-other');
      expect(scopedRecord('exit_interviews', whole, lookup({ userId: 'u', role }))).toBe(whole);
    }
  });

  it('an incentive reaches a manager without its person; the central team, coordinators and admins get it whole', () => {
    expect(scopedRecord('incentives', incentive, lookup(MO))).toEqual({ ...incentive, staffId: null, referredApplicationId: null, redacted: true });
    for (const role of ['admin', 'central', 'coordinator'] as const) expect(scopedRecord('incentives', incentive, lookup({ userId: 'u', role }))).toBe(incentive);
  });

  it("the fingerprint changes when the posts of a manager's teams change", () => {
    const before = scopeFingerprint(MO, new Set(['v1']), team);
    expect(scopeFingerprint(MO, new Set(['v1']), teamScope(MO, teams, [...posts, { id: 'p-new', teamId: 't-mine' }], leavers))).not.toBe(before);
    expect(scopeFingerprint(MO, new Set(['v1']), teamScope(MO, [{ id: 't-mine', managerId: 'user-other' }], posts, leavers))).not.toBe(before);
    // A new leaver is a new record (its exit interview arrives redacted or whole): no re-scope.
    expect(scopeFingerprint(MO, new Set(['v1']), teamScope(MO, teams, posts, [...leavers, { id: 'l-new', postId: 'p-mine' }]))).toBe(before);
  });
});
