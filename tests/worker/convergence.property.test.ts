import { env } from 'cloudflare:test';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, tickHlc, type Hlc } from '#shared/hlc';
import type { Mutation } from '#shared/schema/index';
import { application, call, id, materialise, setupOrg, team, TestClient, vacancy } from './helpers';

/**
 * Seeded random histories against the real worker and D1: two or three clients edit the same
 * application and team offline (clocks that wander and step back), then push in random
 * interleavings, with replays, reordered batches and concurrent pushes. The same history
 * pushed in two different interleavings (into two organisations) must end identical, and
 * equal to the model: per field, the value with the highest clock; deleted if any delete;
 * every stage event exactly once.
 */
// Set SYNC_PROPERTY_SEED / SYNC_PROPERTY_RUNS in the shell to explore more (vitest.worker.config.mts).
const SEED = Number((env as unknown as Record<string, string>).SYNC_PROPERTY_SEED ?? 20260302);
const RUNS = Number((env as unknown as Record<string, string>).SYNC_PROPERTY_RUNS ?? 30);

const APP_FIELDS = ['phone', 'teamPreference', 'yearsQualified', 'assignedTo'] as const;
const TEAM_FIELDS = ['name', 'area'] as const;

const wall = fc.integer({ min: 0, max: 3_000_000 });
const op = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('app' as const), field: fc.constantFrom(...APP_FIELDS), n: fc.nat(99), wall }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('team' as const), field: fc.constantFrom(...TEAM_FIELDS), n: fc.nat(99), wall }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('event' as const), stage: fc.constantFrom('shortlisted', 'interviewed'), wall }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), wall }) },
);
const step = fc.record({ client: fc.nat(2), take: fc.integer({ min: 1, max: 4 }), replay: fc.boolean(), parallel: fc.boolean() });
const history = fc.record({
  clients: fc.array(fc.array(op, { minLength: 1, maxLength: 7 }), { minLength: 2, maxLength: 3 }),
  scheduleA: fc.array(step, { maxLength: 10 }),
  scheduleB: fc.array(step, { maxLength: 10 }),
});
type History = typeof history extends fc.Arbitrary<infer T> ? T : never;
type Step = History['scheduleA'][number];

// assignedTo must name a user of the organisation: histories say "person 0" or "person 1", and
// each run (its own organisation) translates them to its manager and central user and back.
const value = (field: string, n: number) => (field === 'yearsQualified' ? n % 40 : field === 'assignedTo' ? `person-${n % 2}` : `${field}-${n}`);
function personas(org: { users: { manager: string; central: string } }) {
  const real = [org.users.manager, org.users.central];
  const swap = (m: Mutation, to: (v: unknown) => unknown): Mutation =>
    m.fields && 'assignedTo' in m.fields ? { ...m, fields: { ...m.fields, assignedTo: to(m.fields.assignedTo) } } : m;
  return {
    outgoing: (m: Mutation) => swap(m, (v) => real[Number(String(v).slice('person-'.length))]),
    incoming: (record: Record<string, unknown> | null | undefined) =>
      record && typeof record.assignedTo === 'string' ? { ...record, assignedTo: `person-${real.indexOf(record.assignedTo)}` } : record,
  };
}

function buildMutations(h: History, ids: { app: string; team: string }, base: number) {
  return h.clients.map((ops, ci) => {
    const node = `prop-client-${ci}`;
    let clock: Hlc = { wall: 0, counter: 0, node };
    return ops.map((o, k): Mutation => {
      clock = tickHlc(clock, base + o.wall);
      const common = { id: `00000000-0000-7000-8000-${String(ci).padStart(4, '0')}${String(k).padStart(8, '0')}`, seq: k + 1, hlc: formatHlc(clock) };
      if (o.kind === 'app') return { ...common, table: 'applications', op: 'upsert', recordId: ids.app, fields: { [o.field]: value(o.field, o.n) } };
      if (o.kind === 'team') return { ...common, table: 'teams', op: 'upsert', recordId: ids.team, fields: { [o.field]: value(o.field, o.n) } };
      if (o.kind === 'delete') return { ...common, table: 'teams', op: 'delete', recordId: ids.team };
      const eventId = `00000000-0000-7000-9000-${String(ci).padStart(4, '0')}${String(k).padStart(8, '0')}`;
      return {
        ...common,
        table: 'stage_events',
        op: 'upsert',
        recordId: eventId,
        fields: { applicationId: ids.app, stage: o.stage, at: '2026-03-02T10:00:00Z', by: 'prop-user' },
      };
    });
  });
}

function model(all: Mutation[][], initial: { app: Record<string, unknown>; team: Record<string, unknown> }) {
  const best = new Map<string, { hlc: string; value: unknown }>();
  let deleted = false;
  const events = new Set<string>();
  for (const m of all.flat()) {
    if (m.op === 'delete') deleted = true;
    if (m.table === 'stage_events') events.add(m.recordId);
    for (const [f, v] of Object.entries(m.fields ?? {})) {
      if (m.table === 'stage_events') continue;
      const key = `${m.table}.${f}`;
      const cur = best.get(key);
      if (!cur || m.hlc > cur.hlc) best.set(key, { hlc: m.hlc, value: v });
    }
  }
  const app = { ...initial.app };
  const t = { ...initial.team };
  for (const [key, { value: v }] of best) {
    const [table, f] = key.split('.') as [string, string];
    (table === 'applications' ? app : t)[f] = v;
  }
  return { app, team: deleted ? null : t, events };
}

async function run(h: History, schedule: Step[], all: Mutation[][], ids: { app: string; team: string; vacancy: string }, base: number) {
  const org = await setupOrg();
  const setup = new TestClient(org.tokens.coordinator, `setup-${id()}`);
  const created = base - 1000;
  const init = await setup.push([
    setup.upsert('vacancies', ids.vacancy, vacancy(), created),
    setup.upsert('applications', ids.app, application(ids.vacancy), created),
    setup.upsert('teams', ids.team, team(), created),
  ]);
  if (init.status !== 200) throw new Error(`setup failed ${JSON.stringify(init.body)}`);
  const clients = h.clients.map((_, ci) => ({ token: ci % 2 ? org.tokens.central : org.tokens.coordinator, clientId: `prop-client-${ci}`, pos: 0 }));
  const persons = personas(org);
  const pushOne = async (s: Step) => {
    const ci = s.client % clients.length;
    const cl = clients[ci]!;
    const muts = all[ci]!;
    const from = s.replay ? Math.max(0, cl.pos - 2) : cl.pos;
    const to = Math.min(muts.length, cl.pos + s.take);
    if (to <= from) return;
    const batch = muts.slice(from, to).map(persons.outgoing);
    if (s.replay) batch.reverse();
    const r = await call('POST', '/v1/sync/push', cl.token, { clientId: cl.clientId, schemaVersion: 1, mutations: batch });
    if (r.status !== 200) throw new Error(`push ${JSON.stringify(s)} -> ${r.status} ${JSON.stringify(r.body)}`);
    if (r.body.lastSeq !== Math.max(to, cl.pos)) throw new Error(`lastSeq ${r.body.lastSeq}, expected ${to}`);
    cl.pos = Math.max(cl.pos, to);
  };
  for (let i = 0; i < schedule.length; i++) {
    const s = schedule[i]!;
    const next = schedule[i + 1];
    if (s.parallel && next && next.client % clients.length !== s.client % clients.length) {
      await Promise.all([pushOne(s), pushOne(next)]);
      i++;
    } else await pushOne(s);
  }
  for (let ci = 0; ci < clients.length; ci++) await pushOne({ client: ci, take: 1000, replay: false, parallel: false });
  // An admin reads every candidate whole (a manager's pull is limited to their scope: need-to-know).
  const reader = new TestClient(org.tokens.admin);
  const pulled = await reader.pullAll(0, 3);
  const state = materialise(pulled.changes.filter((c) => c.table !== 'conflicts'));
  const events = [...state.entries()].filter(([k, v]) => k.startsWith('stage_events:') && v).map(([k]) => k.slice('stage_events:'.length));
  return { app: persons.incoming(state.get(`applications:${ids.app}`)), team: state.get(`teams:${ids.team}`), events: events.sort() };
}

describe('convergence of concurrent edits (fast-check, real worker and D1)', () => {
  it('any interleaving of the same history ends in the same state, the model\'s', { timeout: 600_000 }, async () => {
    const details = await fc.check(
      fc.asyncProperty(history, async (h) => {
        const ids = { app: id(), team: id(), vacancy: id() };
        const base = Date.now() - 3_600_000;
        const all = buildMutations(h, ids, base);
        const a = await run(h, h.scheduleA, all, ids, base);
        const b = await run(h, h.scheduleB, all, ids, base);
        const expected = model(all, { app: { id: ids.app, ...application(ids.vacancy) }, team: { id: ids.team, ...team() } });
        expect(a).toEqual(b);
        expect(a.app).toEqual(expected.app);
        expect(a.team).toEqual(expected.team);
        expect(a.events).toEqual([...expected.events].sort());
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: false },
    );
    if (details.failed) {
      console.log(`convergence failed (seed ${SEED}); shrunk history:\n${JSON.stringify(details.counterexample?.[0], null, 2)}`);
      throw new Error(fc.defaultReportMessage(details) ?? 'property failed');
    }
    console.log(`convergence: ${details.numRuns} seeded histories (seed ${SEED}) converged`);
  });
});
