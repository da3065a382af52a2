import { describe, expect, it } from 'vitest';
import { formatHlc } from '#shared/hlc';
import { PERSONAL_FIELDS, type Mutation, type SyncTable } from '#shared/schema/index';
import { decidePush } from '#shared/sync/decide';
import { pullPage } from '#shared/sync/pull';
import type { RowLookup, SyncRow } from '#shared/sync/rows';
import { sequencePush } from '#shared/sync/sequence';

// The pure rules of shared/sync, on rows in memory. What they add up to over HTTP is the
// contract suite (tests/contract/), run against the fake and the worker.

const NOW = Date.UTC(2026, 2, 2, 9, 0, 0);
const APP = '0190a000-0000-7000-8000-0000000000a1';
const VAC = '0190a000-0000-7000-8000-0000000000b1';
const EVENT = '0190a000-0000-7000-8000-0000000000c1';
const TEAM = '0190a000-0000-7000-8000-0000000000d1';

let seq = 0;
const m = (table: SyncTable, op: Mutation['op'], recordId: string, fields?: Record<string, unknown>, wall = NOW - 1000): Mutation => ({
  id: `0190a000-0000-7000-8000-${String(++seq).padStart(12, '0')}`,
  seq,
  table,
  op,
  recordId,
  ...(fields ? { fields } : {}),
  hlc: formatHlc({ wall, counter: seq, node: 'client-1' }),
});

function lookup(rows: Partial<Record<SyncTable, SyncRow[]>> = {}): RowLookup {
  return { get: (t, id) => rows[t]?.find((r) => r.id === id) ?? null, all: (t) => rows[t] ?? [] };
}

const COORDINATOR = { userId: 'user-1', role: 'coordinator' } as const;
const MANAGER = { userId: 'user-m', role: 'manager' } as const;
const nobody = () => null;

const stored = (id: string, data: Record<string, unknown>): SyncRow => ({ id, data: { id, ...data }, clocks: {}, arrivals: {}, deleted: false, erased: false, createdAt: '2026-03-01T00:00:00.000Z' });
const application = { vacancyId: VAC, name: 'Sam Candidate', email: 'sam@example.org', source: 'community_care', experience: 'experienced', receivedDate: '2026-03-02' };

describe('decidePush', () => {
  it('a mutation sees what earlier ones of the same push wrote: one row written, the change log in order', () => {
    const d = decidePush({
      mutations: [m('teams', 'upsert', TEAM, { name: 'North', type: 'assessment', area: 'North' }), m('teams', 'upsert', TEAM, { area: 'South' }, NOW)],
      stored: lookup(),
      nowMs: NOW,
      caller: COORDINATOR,
      people: nobody,
    });
    if (!('plan' in d)) throw new Error(JSON.stringify(d.refusal));
    expect(d.plan.rows.map((r) => [r.table, r.row.data])).toEqual([['teams', { id: TEAM, name: 'North', type: 'assessment', area: 'South' }]]);
    expect(d.plan.changes.map((c) => [c.op, c.payload])).toEqual([
      ['create', { name: 'North', type: 'assessment', area: 'North' }],
      ['update', { area: 'South' }],
    ]);
    expect(d.plan.audit.map((a) => a.fields)).toEqual([['name', 'type', 'area'], ['area']]);
  });

  it('an erasure reaches a stage event created earlier in the same push, and names it for scrubbing the log', () => {
    const d = decidePush({
      mutations: [
        m('stage_events', 'upsert', EVENT, { applicationId: APP, stage: 'shortlisted', at: '2026-03-02T08:00:00.000Z', by: 'user-1', note: 'Sam was great' }),
        m('applications', 'erase', APP),
      ],
      stored: lookup({ applications: [stored(APP, application)] }),
      nowMs: NOW,
      caller: COORDINATOR,
      people: nobody,
    });
    if (!('plan' in d)) throw new Error(JSON.stringify(d.refusal));
    const rows = new Map(d.plan.rows.map((r) => [r.row.id, r.row]));
    expect(rows.get(APP)!.data).toMatchObject({ name: null, email: null, erased: true, vacancyId: VAC });
    expect(rows.get(EVENT)!.data.note).toBeNull();
    expect(d.plan.erasures).toEqual([
      { table: 'applications', ids: [APP], fields: [...PERSONAL_FIELDS] },
      { table: 'stage_events', ids: [EVENT], fields: ['note'] },
    ]);
    expect(d.plan.changes.map((c) => [c.table, c.op])).toEqual([
      ['stage_events', 'create'],
      ['applications', 'erase'],
      ['stage_events', 'erase'],
    ]);
  });

  it('refuses the whole push naming every invalid mutation, even after the first; a 400 outranks a 403', () => {
    const bad1 = m('teams', 'upsert', TEAM, { name: '' });
    const good = m('teams', 'upsert', '0190a000-0000-7000-8000-0000000000d2', { name: 'Fine', type: 'assessment', area: 'North' });
    const bad2 = m('teams', 'erase', TEAM);
    const d = decidePush({ mutations: [bad1, good, bad2], stored: lookup(), nowMs: NOW, caller: MANAGER, people: nobody, checks: { refusal: () => 'never' } });
    expect('refusal' in d && d.refusal).toMatchObject({ status: 400, code: 'invalid_mutations', details: [{ id: bad1.id }, { id: bad2.id }] });
  });

  it('the caller\'s checks: a refusal is a 403 naming the role; extra issues are a 400', () => {
    const mine = m('teams', 'upsert', TEAM, { name: 'North', type: 'assessment', area: 'North' });
    const forbidden = decidePush({ mutations: [mine], stored: lookup(), nowMs: NOW, caller: COORDINATOR, people: nobody, checks: { refusal: (x) => (x.id === mine.id ? 'not teams' : null) } });
    expect('refusal' in forbidden && forbidden.refusal).toMatchObject({ status: 403, code: 'forbidden', details: [{ id: mine.id, reason: 'not teams' }] });
    expect('refusal' in forbidden && forbidden.refusal.message).toMatch(/^Your role \(coordinator\) may not make this change/);
    const invalid = decidePush({ mutations: [mine], stored: lookup(), nowMs: NOW, caller: COORDINATOR,
      people: nobody, checks: { issues: () => ['name: taken'] } });
    expect('refusal' in invalid && invalid.refusal).toMatchObject({ status: 400, details: [{ issues: ['name: taken'] }] });
  });
});

describe('sequencePush', () => {
  const client = (lastSeq: number, appliedIds: string[] = []) => ({ userId: 'u1', state: { userId: 'u1', lastSeq }, appliedIds: new Set(appliedIds) });
  const at = (s: number, id = `m${s}`) => ({ ...m('teams', 'delete', TEAM), seq: s, id });

  it('orders by sequence, skips what was applied, and moves lastSeq past an applied id above it', () => {
    const r = sequencePush([at(4), at(2), at(3, 'known')], client(1, ['known']));
    expect(r).toMatchObject({ baseSeq: 1, newLastSeq: 4, skipped: 1, noop: false });
    expect('fresh' in r && r.fresh.map((x) => x.seq)).toEqual([2, 4]);
  });

  it('a push of replays only is a no-op', () => {
    expect(sequencePush([at(1), at(2)], client(2, ['m1', 'm2']))).toMatchObject({ fresh: [], skipped: 2, noop: true });
  });

  it('a change the server makes itself has no client: no sequence to check', () => {
    expect(sequencePush([at(7)], null)).toMatchObject({ baseSeq: 0, newLastSeq: 0, skipped: 0, noop: false });
  });

  it('refuses another user\'s clientId before anything else', () => {
    expect(sequencePush([at(1), at(1)], { ...client(0), state: { userId: 'u2', lastSeq: 0 } })).toMatchObject({ refusal: { status: 409, code: 'client_mismatch' } });
  });
});

describe('pullPage', () => {
  const entry = (s: number, recordId: string) => ({ seq: s, table: 'teams', recordId, record: { id: recordId } });

  it('sends a record once per page, at its last change, and says whether more follow', () => {
    const page = pullPage([entry(3, 'a'), entry(5, 'b'), entry(8, 'a'), entry(9, 'c')], 2, 3);
    expect(page).toEqual({
      changes: [
        { cursor: 5, table: 'teams', recordId: 'b', deleted: false, record: { id: 'b' } },
        { cursor: 8, table: 'teams', recordId: 'a', deleted: false, record: { id: 'a' } },
      ],
      cursor: 8,
      hasMore: true,
    });
  });

  it('an empty page keeps the cursor; a null record is a tombstone', () => {
    expect(pullPage([], 12, 10)).toEqual({ changes: [], cursor: 12, hasMore: false });
    expect(pullPage([{ seq: 13, table: 'teams', recordId: 'x', record: null }], 12, 10).changes).toEqual([
      { cursor: 13, table: 'teams', recordId: 'x', deleted: true, record: null },
    ]);
  });
});
