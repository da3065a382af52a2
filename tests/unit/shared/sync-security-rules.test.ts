import { describe, expect, it } from 'vitest';
import { formatHlc } from '#shared/hlc';
import { isoDate, isoDateTime, mutationSchema, type Mutation, type SyncTable } from '#shared/schema/index';
import { decidePush } from '#shared/sync/decide';
import type { Person } from '#shared/sync/people';
import { mondayOf, roleRefusal } from '#shared/sync/permissions';
import { cursorRefusal } from '#shared/sync/pull';
import { referencedIds, referenceIssues } from '#shared/sync/references';
import type { RowLookup, SyncRow } from '#shared/sync/rows';
import { sequencePush } from '#shared/sync/sequence';
import { stampStageEvent, withServerFields } from '#shared/sync/stage-history';

// The pure rules behind issue 11's push classes; tests/contract/security-cases.ts runs them over HTTP.

const NOW = Date.UTC(2026, 2, 4, 10, 0, 0); // a Wednesday
const WEEK = mondayOf(new Date(NOW).toISOString());
const U = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const [TEAM, VAC, APP, SLOT] = [U(1), U(2), U(3), U(4)];
const row = (id: string, data: Record<string, unknown>, deleted = false): SyncRow => ({ id, data: { id, ...data }, clocks: {}, arrivals: {}, deleted, erased: false, createdAt: '2026-03-01T00:00:00Z' });
function lookup(rows: Partial<Record<SyncTable, SyncRow[]>>): RowLookup {
  return { get: (t, id) => rows[t]?.find((r) => r.id === id) ?? null, all: (t) => rows[t] ?? [] };
}
const people = (map: Record<string, Person>) => (id: string) => map[id] ?? null;
const PEOPLE = people({ 'u-mia': { role: 'manager', active: true }, 'u-max': { role: 'manager', active: true }, 'u-cara': { role: 'coordinator', active: true } });
const MIA = { userId: 'u-mia', role: 'manager' } as const;
const CARA = { userId: 'u-cara', role: 'coordinator' } as const;
let seq = 0;
const m = (table: SyncTable, op: Mutation['op'], recordId: string, fields?: Record<string, unknown>, wall = NOW - 1000): Mutation => ({
  id: U(1000 + ++seq),
  seq,
  table,
  op,
  recordId,
  ...(fields ? { fields } : {}),
  hlc: formatHlc({ wall, counter: 0, node: 'c1' }),
});
const council = (slot: Record<string, unknown> | null, teamManager?: string) =>
  lookup({
    teams: [row(TEAM, { name: 'North', type: 'assessment', ...(teamManager ? { managerId: teamManager } : {}) })],
    vacancies: [row(VAC, { title: 'SW', teamIds: [TEAM], role: 'social_worker', posts: 1, mode: 'rolling', status: 'open' })],
    applications: [row(APP, { vacancyId: VAC, name: 'Sam', source: 'microsite', experience: 'nqsw', receivedDate: '2026-03-02' })],
    rota_slots: slot ? [row(SLOT, slot)] : [],
  });
const decision = { applicationId: APP, stage: 'shortlisted', at: new Date(NOW - 2000).toISOString(), by: 'u-mia' };
const view = (rows: RowLookup, managersDecideOwnTeam = false) => ({ caller: MIA, thisWeek: WEEK, settings: { managersDecideOwnTeam }, rows, people: PEOPLE });

describe('role policy (shared/sync/permissions.ts)', () => {
  it('a manager decides on a slot someone else gave them, never on one they gave themselves or one without a giver', () => {
    const slot = { week: WEEK, duty: 'shortlisting', managerId: 'u-mia' };
    expect(roleRefusal(m('stage_events', 'upsert', U(50)), decision, view(council({ ...slot, givenBy: 'u-cara' })))).toBeNull();
    expect(roleRefusal(m('stage_events', 'upsert', U(50)), decision, view(council({ ...slot, givenBy: 'u-mia' })))).toMatch(/neither assigned to you/);
    expect(roleRefusal(m('stage_events', 'upsert', U(50)), decision, view(council(slot)))).toMatch(/neither assigned to you/);
  });

  it("own team's vacancies count only with the council's setting", () => {
    expect(roleRefusal(m('stage_events', 'upsert', U(50)), decision, view(council(null, 'u-mia')))).toMatch(/neither assigned/);
    expect(roleRefusal(m('stage_events', 'upsert', U(50)), decision, view(council(null, 'u-mia'), true))).toBeNull();
    expect(roleRefusal(m('stage_events', 'upsert', U(50)), decision, view(council(null, 'u-max'), true))).toMatch(/nor a vacancy of a team you manage/);
  });

  it('a manager may not create a slot, widen one, or hand one to a non-manager; may hand back or swap', () => {
    const mine = council({ week: WEEK, duty: 'shortlisting', managerId: 'u-mia', teamId: TEAM, givenBy: 'u-cara' });
    expect(roleRefusal(m('rota_slots', 'upsert', U(60)), { week: WEEK, duty: 'shortlisting', managerId: 'u-mia' }, view(mine))).toMatch(/^coordinators and the central team put managers on the rota/);
    expect(roleRefusal(m('rota_slots', 'upsert', SLOT), { teamId: null }, view(mine))).toMatch(/not change its teamId/);
    expect(roleRefusal(m('rota_slots', 'upsert', SLOT), { managerId: 'u-cara' }, view(mine))).toMatch(/only to an active manager/);
    expect(roleRefusal(m('rota_slots', 'upsert', SLOT), { managerId: 'u-max' }, view(mine))).toBeNull();
    expect(roleRefusal(m('rota_slots', 'delete', SLOT), {}, view(mine))).toBeNull();
  });
});

describe('references (shared/sync/references.ts)', () => {
  const rows = council(null);
  it('names each field whose record is missing, deleted, or a user of no one', () => {
    expect(referenceIssues('applications', { vacancyId: VAC, assignedTo: 'u-mia' }, rows, PEOPLE)).toEqual([]);
    expect(referenceIssues('applications', { vacancyId: U(99), assignedTo: 'u-eve' }, rows, PEOPLE)).toEqual([
      `vacancyId: no vacancy ${U(99)} in your organisation (create it first, in this push or an earlier one)`,
      'assignedTo: no user u-eve in your organisation',
    ]);
    expect(referenceIssues('posts', { teamId: TEAM }, lookup({ teams: [row(TEAM, {}, true)] }), PEOPLE)).toEqual([`teamId: team ${TEAM} was deleted`]);
    expect(referenceIssues('applications', { assignedTo: null }, rows, PEOPLE)).toEqual([]);
  });

  it('collects the ids a push names from string values only, own keys only', () => {
    const ids = referencedIds([m('vacancies', 'upsert', U(70), { teamIds: [TEAM, 42, { x: 1 }] }), m('applications', 'upsert', U(71), JSON.parse('{"assignedTo":"u-mia","constructor":"x"}'))]);
    expect([...ids.get('teams')!]).toEqual([TEAM]);
    expect([...ids.get('users')!]).toEqual(['u-mia']);
  });
});

describe('stage history (shared/sync/stage-history.ts)', () => {
  it('by is the caller, and a client cannot send recordedLate or enteredAt', () => {
    expect(withServerFields({ by: 'someone', recordedLate: false, enteredAt: 'x', stage: 'applied' }, CARA)).toEqual({ stage: 'applied', by: 'u-cara' });
  });

  it('future events are invalid; past-dated ones only for coordinators, marked', () => {
    const hlc = formatHlc({ wall: NOW, counter: 0, node: 'c' });
    expect(stampStageEvent({ at: new Date(NOW + 61_000).toISOString() }, hlc, NOW, CARA).issues[0]).toMatch(/^at: is later than the server's clock/);
    expect(stampStageEvent({ at: new Date(NOW + 59_000).toISOString() }, hlc, NOW, CARA)).toEqual({ issues: [], refusal: null });
    const late = { at: new Date(NOW - 16 * 60_000).toISOString() } as Record<string, unknown>;
    expect(stampStageEvent(late, hlc, NOW, CARA)).toEqual({ issues: [], refusal: null });
    expect(late).toMatchObject({ recordedLate: true, enteredAt: new Date(NOW).toISOString() });
    expect(stampStageEvent({ at: new Date(NOW - 16 * 60_000).toISOString() }, hlc, NOW, MIA).refusal).toMatch(/records the past/);
    // Made offline an hour ago: its clock says so, and it is not late.
    expect(stampStageEvent({ at: new Date(NOW - 3_600_000).toISOString() }, formatHlc({ wall: NOW - 3_600_000, counter: 0, node: 'c' }), NOW, MIA)).toEqual({ issues: [], refusal: null });
  });

  it('decidePush forces by and marks the late entry in the plan', () => {
    const d = decidePush({
      mutations: [m('stage_events', 'upsert', U(80), { ...decision, by: 'u-max', at: '2026-03-02T09:00:00.000Z' })],
      stored: council(null),
      nowMs: NOW,
      caller: CARA,
      people: PEOPLE,
    });
    if (!('plan' in d)) throw new Error(JSON.stringify(d.refusal));
    expect(d.plan.rows[0]!.row.data).toMatchObject({ by: 'u-cara', recordedLate: true, enteredAt: new Date(NOW - 1000).toISOString() });
  });
});

describe('sequence reuse and cursors', () => {
  const client = (lastSeq: number, applied: string[]) => ({ userId: 'u', state: { userId: 'u', lastSeq }, appliedIds: new Set(applied) });
  const at = (s: number, id: string) => ({ ...m('teams', 'delete', TEAM), seq: s, id });
  it('a used number with an id never applied is 409 sequence_reused naming it; a replay is skipped', () => {
    expect(sequencePush([at(2, 'new'), at(3, 'next')], client(2, ['old1', 'old2']))).toMatchObject({
      refusal: { status: 409, code: 'sequence_reused', details: { lastSeq: 2, resequenceFrom: 3, mutations: [{ id: 'new', seq: 2 }] } },
    });
    expect(sequencePush([at(2, 'old2'), at(3, 'next')], client(2, ['old1', 'old2']))).toMatchObject({ skipped: 1, newLastSeq: 3 });
  });

  it('a cursor beyond the log is refused; at the head it is not', () => {
    expect(cursorRefusal(10, 10)).toBeNull();
    expect(cursorRefusal(11, 10)).toMatchObject({ status: 409, code: 'cursor_ahead', details: { cursor: 11, head: 10, restartFrom: 0 } });
  });
});

describe('dates in range (shared/schema/primitives.ts)', () => {
  it('dates, moments and clocks lie in 2000-01-01..2100-12-31', () => {
    for (const d of ['2000-01-01', '2100-12-31']) expect(isoDate.safeParse(d).success, d).toBe(true);
    for (const d of ['0099-01-01', '1999-12-31', '2101-01-01', '2999-01-01']) expect(isoDate.safeParse(d).success, d).toBe(false);
    expect(isoDateTime.safeParse('2099-06-01T10:00:00+01:00').success).toBe(true);
    expect(isoDateTime.safeParse('2999-06-01T10:00:00Z').success).toBe(false);
    const base = { id: U(1), seq: 1, table: 'teams', op: 'delete', recordId: U(2) };
    expect(mutationSchema.safeParse({ ...base, hlc: formatHlc({ wall: NOW, counter: 0, node: 'c' }) }).success).toBe(true);
    expect(mutationSchema.safeParse({ ...base, hlc: formatHlc({ wall: 0, counter: 0, node: 'c' }) }).success).toBe(false);
    expect(mutationSchema.safeParse({ ...base, hlc: '9999999999999:000000:c' }).success).toBe(false);
  });
});
