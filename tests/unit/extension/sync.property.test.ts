import { applicationFields, endpointOf, freshDb, teamFields } from './helpers';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { PERSONAL_FIELDS, type SyncTable } from '#shared/schema/index';
import type { ShortlistDb } from '@/db/database';
import { appendStageEvent, deleteRecord, eraseCandidate, upsertRecord, ValidationError } from '@/db/writes';
import { ApiError, NetworkError, type Endpoint } from '@/sync/api';
import { pullChanges } from '@/sync/pull';
import { pushOutbox } from '@/sync/push';
import { DEFAULT_USER, FakeServer, type Fault, type FakeUser } from './fake-server';

/**
 * Random histories of two browsers of one council against the fake server: local edits of a few
 * fields of three records, deletes, stage events, erasure of the candidate, pushes and pulls with random faults, replays of
 * a push the server already handled, and changes the server will refuse (400 or 403: a team's
 * edit or delete, a stage event). Checked at every step: every committed local change is on
 * the server, still in the outbox, or refused and shown (invariant 1), each mutation applied at most once and a replay
 * changes nothing (invariant 3). At the end, faults stop, both sync twice, and both local
 * databases equal the server for every record (invariant 5), stage events included (invariant 8).
 *
 * Time is a shared fake clock that moves forward 1 ms per step (ticks add more). Each browser's
 * wall clock is that plus its own skew (±1 h, ±24 h), and a step can set a browser's clock back.
 * SHORTLIST_PROPERTY_SEED / SHORTLIST_PROPERTY_RUNS explore further.
 *
 * The fake server decides pushes with the worker's own rules (shared/sync/), so an edit that
 * loses on the server is logged and its writer pulls the winner (see convergence.test.ts).
 */
const SEED = Number(process.env.SHORTLIST_PROPERTY_SEED ?? 20260302);
const RUNS = Number(process.env.SHORTLIST_PROPERTY_RUNS ?? 40);
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

const CAROL: FakeUser = { ...DEFAULT_USER, token: 'token-carol-000003', userId: 'user-carol', name: 'Carol Coordinator', email: 'carol@council.example' };
const USERS = [DEFAULT_USER, CAROL];

const IDS = {
  team0: '0190a000-0000-7000-8000-00000000a000',
  team1: '0190a000-0000-7000-8000-00000000a001',
  app: '0190a000-0000-7000-8000-00000000b000',
};
const TARGETS = [
  { table: 'teams', id: IDS.team0, fields: ['name', 'area'] },
  { table: 'teams', id: IDS.team1, fields: ['name', 'area'] },
  { table: 'applications', id: IDS.app, fields: ['phone', 'teamPreference', 'yearsQualified', 'assignedTo'] },
] as const;
const PERSONAL_TEXT = ['Sam Candidate', 'sam@example.org', '07700', 'phone-', 'ATS-1'];

// assignedTo names a user of the organisation (the server refuses any other id).
const value = (field: string, n: number) => (field === 'yearsQualified' ? n : field === 'assignedTo' ? USERS[n % USERS.length]!.userId : `${field}-${n}`);
const SKEWS = [0, 0, 3_600_000, -3_600_000, 86_400_000, -86_400_000];

const faultArb = fc.constantFrom<'none' | 'drop-before' | 'drop-after' | '500' | '401'>('none', 'none', 'none', 'drop-before', 'drop-after', '500', '401');
const client = fc.nat(1);
const opArb = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('edit' as const), c: client, target: fc.nat(2), field: fc.nat(3), n: fc.nat(9) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('step-back' as const), c: client, ms: fc.integer({ min: 1, max: 7_200_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), c: client, target: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('event' as const), c: client }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('erase' as const), c: client }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('push' as const), c: client, fault: faultArb }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('pull' as const), c: client, fault: faultArb, limit: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replay' as const), c: client }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 120_000 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('refuse' as const), c: client, pick: fc.nat(20), status: fc.constantFrom(400, 403) }) },
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

function toFault(f: string): Fault | undefined {
  if (f === 'drop-before' || f === 'drop-after') return { kind: f };
  if (f === '500') return { kind: 'status', status: 500, code: 'internal' };
  if (f === '401') return { kind: 'status', status: 401, code: 'token_expired' };
  return undefined;
}

/** Real time (the server's clock). */
let now = T0;
/** Each browser's wall clock runs this far from real time; `current` is the browser acting. */
let skews = [0, 0];
let current = 0;
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(Date, 'now').mockImplementation(() => now + skews[current]!);
});
afterEach(() => vi.restoreAllMocks());

interface Client {
  db: ShortlistDb;
  endpoint: Endpoint;
  /** Mutation ids of every committed local change. */
  made: string[];
}

async function expected(fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (!(err instanceof NetworkError) && !(err instanceof ApiError)) throw err;
  }
}

/** A record with its null fields left out: a field erased to null and one never set mean the same. */
const normal = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([, v]) => v != null));

async function localState(db: ShortlistDb, table: SyncTable): Promise<Map<string, unknown>> {
  return new Map((await db.table(table).toArray()).map((r: Record<string, unknown>) => [r.id as string, normal(r)]));
}

function serverState(server: FakeServer, table: SyncTable): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, r] of server.snapshot()) if (k.startsWith(`${table}:`)) out.set(r.id as string, normal(r));
  return out;
}

interface Mode {
  /** Clock skew of each browser (ms); with [0, 0] clocks follow real time. */
  skews: number[];
  /** Pull only after a successful push, as syncOnce does; otherwise pushes and pulls come in any order. */
  engineOrder: boolean;
}

async function runHistory(ops: Op[], mode: Mode): Promise<void> {
  now = T0;
  skews = [...mode.skews];
  current = 0;
  const server = new FakeServer(USERS);
  server.now = () => now;
  const clients: Client[] = USERS.map((u) => ({ db: freshDb('prop'), endpoint: endpointOf(server, u.token), made: [] }));
  const [a] = clients as [Client, Client];
  let events = 0;
  try {
    // Both start from the same records, created by the first browser.
    await upsertRecord('teams', IDS.team0, teamFields({ name: 'Team zero' }), a.db);
    await upsertRecord('teams', IDS.team1, teamFields({ name: 'Team one' }), a.db);
    await upsertRecord('applications', IDS.app, applicationFields(), a.db);
    a.made.push(...(await a.db.outbox.toArray()).map((e) => e.mutation.id));
    for (const [k, c] of clients.entries()) {
      current = k;
      await pushOutbox(c.db, c.endpoint, server.fetch);
      await pullChanges(c.db, c.endpoint, server.fetch);
    }

    let erasedOnServer = false;
    /** Mutations the server will refuse. */
    const refusing = new Set<string>();
    /** Edits of the candidate's personal fields only. */
    const personalOnly = new Set<string>();
    const checkInvariants = async (step: string) => {
      // Erased stays erased (invariant 7): once the server erased the candidate, no personal data comes back there.
      const app = server.record('applications', IDS.app);
      erasedOnServer ||= app?.erased === true;
      if (erasedOnServer) {
        const text = JSON.stringify(app);
        for (const p of PERSONAL_TEXT) if (text.includes(p)) throw new Error(`${step}: personal data of the erased candidate back on the server: ${text}`);
      }
      const onServer = server.appliedIds();
      for (const c of clients) {
        const pending = new Set((await c.db.outbox.toArray()).map((e) => e.mutation.id));
        const parked = new Set((await c.db.refused.toArray()).map((e) => e.mutation.id));
        const erasedHere = (await c.db.applications.get(IDS.app))?.erased === true;
        for (const id of c.made) {
          // An erasure (made here or pulled) drops pending edits of personal data only: meant to go.
          if (erasedHere && personalOnly.has(id) && !pending.has(id)) continue;
          if (!onServer.has(id) && !pending.has(id) && !parked.has(id)) throw new Error(`${step}: local change ${id} is neither on the server, nor in the outbox, nor refused`);
          if (onServer.has(id) && parked.has(id)) throw new Error(`${step}: mutation ${id} both applied and refused`);
          if (server.applyCount(id) > 1) throw new Error(`${step}: mutation ${id} applied ${server.applyCount(id)} times`);
        }
        for (const id of parked) if (!refusing.has(id)) throw new Error(`${step}: mutation ${id} refused, but the server was never told to refuse it`);
      }
    };

    for (const [i, op] of ops.entries()) {
      now += 1;
      const step = `step ${i} ${JSON.stringify(op)}`;
      if (op.kind === 'tick') {
        now += op.ms;
        continue;
      }
      if (op.kind === 'step-back') {
        skews[op.c]! -= op.ms;
        continue;
      }
      if (op.kind === 'refuse') {
        // A pending change the server has not applied: a team's edit or delete, or a stage event
        // (an application's edit may later turn into its erasure, which is not refused here).
        const candidates = (await clients[op.c]!.db.outbox.toArray()).filter(
          (e) => (e.mutation.table === 'teams' || e.mutation.table === 'stage_events') && !server.appliedIds().has(e.mutation.id),
        );
        const target = candidates[op.pick % Math.max(1, candidates.length)];
        if (target) {
          refusing.add(target.mutation.id);
          if (op.status === 400) server.refuseMutation(target.mutation.id, ['name: refused by the property test']);
          else server.forbidMutation(target.mutation.id, 'refused by the property test');
        }
        continue;
      }
      current = op.c;
      const c = clients[op.c]!;
      if (op.kind === 'edit' || op.kind === 'delete' || op.kind === 'event' || op.kind === 'erase') {
        const before = new Set((await c.db.outbox.toArray()).map((e) => e.mutation.id));
        try {
          if (op.kind === 'edit') {
            const t = TARGETS[op.target]!;
            const field = t.fields[op.field % t.fields.length]!;
            await upsertRecord(t.table, t.id, { [field]: value(field, op.n) } as never, c.db);
          } else if (op.kind === 'delete') {
            const t = TARGETS[op.target]!;
            if (!(await c.db.table(t.table).get(t.id))) continue;
            await deleteRecord(t.table, t.id, c.db);
          } else if (op.kind === 'erase') {
            await eraseCandidate(IDS.app, c.db);
          } else {
            const id = `0190a000-0000-7000-8000-${String(++events).padStart(12, '0')}`;
            await appendStageEvent({ id, applicationId: IDS.app, stage: 'shortlisted', at: new Date(now).toISOString(), by: 'user' }, c.db);
          }
        } catch (err) {
          // Editing a record this browser no longer has (deleted) is refused locally.
          if (!(err instanceof ValidationError)) throw err;
        }
        const after = await c.db.outbox.toArray();
        for (const e of after) {
          if (before.has(e.mutation.id)) continue;
          c.made.push(e.mutation.id);
          const fields = Object.keys(e.mutation.fields ?? {});
          if (e.mutation.table === 'applications' && e.mutation.op === 'upsert' && fields.every((f) => (PERSONAL_FIELDS as readonly string[]).includes(f))) personalOnly.add(e.mutation.id);
        }
        if (op.kind === 'erase') {
          // An erasure drops pending edits that carried personal data only: those are meant to go.
          const kept = new Set(after.map((e) => e.mutation.id));
          c.made = c.made.filter((id) => !before.has(id) || kept.has(id) || server.appliedIds().has(id));
        }
      } else if (op.kind === 'push' || op.kind === 'pull') {
        const fault = toFault(op.fault);
        if (fault) server.failNext(fault, op.kind);
        if (op.kind === 'push') await expected(() => pushOutbox(c.db, c.endpoint, server.fetch));
        else if (!mode.engineOrder) await expected(() => pullChanges(c.db, c.endpoint, server.fetch, op.limit));
        else await expected(async () => {
          await pushOutbox(c.db, c.endpoint, server.fetch);
          await pullChanges(c.db, c.endpoint, server.fetch, op.limit);
        });
        server.clearFaults();
      } else {
        // Replay this browser's last push as the server received it: nothing may change.
        const last = server.requests.filter((r) => r.route === 'push' && r.status === 200 && (r.body as { clientId: string }).clientId === (clientIdOf(server, c) ?? '')).at(-1);
        if (last) {
          const before = JSON.stringify([...server.snapshot()]);
          const head = server.head();
          await server.fetch(`${server.baseUrl}/v1/sync/push`, { method: 'POST', headers: { authorization: `Bearer ${USERS[op.c]!.token}` }, body: JSON.stringify(last.body) });
          expect(JSON.stringify([...server.snapshot()]), `${step}: replay changed the data`).toBe(before);
          expect(server.head(), `${step}: replay logged changes`).toBe(head);
        }
      }
      await checkInvariants(step);
    }

    // Faults stop; both browsers sync twice.
    for (let round = 0; round < 2; round++) {
      for (const [k, c] of clients.entries()) {
        now += 1;
        current = k;
        await pushOutbox(c.db, c.endpoint, server.fetch);
        await pullChanges(c.db, c.endpoint, server.fetch);
      }
    }
    await checkInvariants('end');
    for (const c of clients) {
      expect(await c.db.outbox.count()).toBe(0);
      if (erasedOnServer) {
        const text = JSON.stringify(await c.db.applications.toArray());
        for (const p of PERSONAL_TEXT) expect(text, 'personal data of an erased candidate in a browser').not.toContain(p);
      }
      for (const table of ['teams', 'applications', 'stage_events'] as const) {
        expect(await localState(c.db, table), `${table} of browser ${clients.indexOf(c)}`).toEqual(serverState(server, table));
      }
    }
  } finally {
    for (const c of clients) c.db.close();
  }
}

/** The clientId a browser pushes with (from its pushes seen by the server). */
function clientIdOf(server: FakeServer, c: Client): string | undefined {
  const mine = new Set(c.made);
  return server.pushes().find((p) => p.mutations.some((m) => mine.has(m.id)))?.clientId;
}

const history = fc.array(opArb, { minLength: 1, maxLength: 40 });
const skewPair = fc.tuple(fc.constantFrom(...SKEWS), fc.constantFrom(...SKEWS));

it(`random histories with faults, skewed clocks and pulls in any order keep every change, apply each once, and converge (seed ${SEED}, ${RUNS} runs)`, async () => {
  await fc.assert(
    fc.asyncProperty(history, skewPair, async (ops, s) => {
      await runHistory(ops, { skews: s, engineOrder: false });
    }),
    { seed: SEED, numRuns: RUNS },
  );
}, 120_000);

it(`clocks that follow real time and pulls only after a successful push (the engine's order) converge (seed ${SEED}, ${RUNS} runs)`, async () => {
  await fc.assert(
    fc.asyncProperty(history.map((ops) => ops.filter((o) => o.kind !== 'step-back')), async (ops) => {
      await runHistory(ops, { skews: [0, 0], engineOrder: true });
    }),
    { seed: SEED, numRuns: RUNS },
  );
}, 120_000);
