import { env } from 'cloudflare:test';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, tickHlc, type Hlc } from '#shared/hlc';
import { SYNC_SCHEMA_VERSION, type Change, type Mutation } from '#shared/schema/index';
import { mondayOf } from '#shared/sync/permissions';
import app from '../../worker/src/index';
import { hashToken } from '../../worker/src/auth/tokens';
import { application, createToken, id, rotaSlot, team, vacancy } from './helpers';

/**
 * Fault histories against the real worker and D1 (sync.md, "Faults to inject"): two or three
 * clients of one council (coordinator, central, manager) edit an application, a team and the
 * stage history while offline, with clocks skewed by hours or a day and stepping back; they push
 * with lost requests and lost responses, duplicate and reversed batches, tokens that expire
 * mid-sync, a worker that dies in the middle of the write batch (before or after D1 commits) or
 * meets a transient D1 error, a profile restored from a backup (sequence numbers reused), a
 * cursor beyond the log, and a poison mutation the client must park. After each history every
 * client flushes and pulls, and every invariant of sync.md that the server can see is checked;
 * a failing history is printed shrunk.
 * Histories per run: 1,000 at the default SYNC_PROPERTY_RUNS (30), in proportion to it
 * (SYNC_PROPERTY_RUNS=300: 10,000); seed SYNC_PROPERTY_SEED.
 */
const vars = env as unknown as Record<string, string>;
const SEED = Number(vars.SYNC_PROPERTY_SEED ?? 20260302);
const RUNS = Math.ceil((1000 * Number(vars.SYNC_PROPERTY_RUNS ?? 30)) / 30);
const HOUR = 3_600_000;

// ---- the worker, with a D1 that can fail in the middle of a push ---------------------------

type Crash = 'none' | 'before-commit' | 'after-commit' | 'transient';
let armed: Crash = 'none';
const sqlOf = new WeakMap<object, string>();

/** env.DB, except that the next write batch of a push (the one ending in DELETE FROM sync_guard) meets `armed`. */
const faultyDb: D1Database = new Proxy(env.DB, {
  get(target, prop) {
    if (prop === 'prepare') {
      return (sql: string) => {
        const stmt = target.prepare(sql);
        sqlOf.set(stmt, sql);
        const bind = stmt.bind.bind(stmt);
        stmt.bind = (...values: unknown[]) => {
          const bound = bind(...values);
          sqlOf.set(bound, sql);
          return bound;
        };
        return stmt;
      };
    }
    if (prop === 'batch') {
      return async (stmts: D1PreparedStatement[]) => {
        const isWrite = stmts.some((s) => sqlOf.get(s) === 'DELETE FROM sync_guard');
        const fault = isWrite ? armed : 'none';
        if (isWrite) armed = 'none';
        if (fault === 'before-commit') throw new Error('isolate restarted by the fault injector (before the batch committed)');
        if (fault === 'transient') throw new Error('D1_ERROR: Network connection lost (fault injector)');
        const out = await target.batch(stmts);
        if (fault === 'after-commit') throw new Error('isolate restarted by the fault injector (after the batch committed)');
        return out;
      };
    }
    const v = Reflect.get(target, prop, target);
    return typeof v === 'function' ? v.bind(target) : v;
  },
});

const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;

interface Answer {
  status: number;
  body: any;
}

async function request(method: string, path: string, token: string, body?: unknown): Promise<Answer> {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) } };
  if (body !== undefined) init.body = JSON.stringify(body);
  // Expired tokens are one of the faults; every client here shares one address, so the per-address
  // sign-in limit (its own tests are in security-server.test.ts) is lifted for these histories.
  const res = await app.fetch(new Request(`http://worker${path}`, init), { ...env, DB: faultyDb, AUTH_FAILURES_PER_MINUTE: '1000000' } as never, ctx);
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) };
}

// ---- histories --------------------------------------------------------------------------

const APP_FIELDS = ['phone', 'teamPreference', 'yearsQualified'] as const;
const SKEWS = [0, 0, HOUR, -HOUR, 24 * HOUR, -24 * HOUR, 90_000];
const PUSH_FAULTS = ['none', 'none', 'drop-before', 'drop-after', 'duplicate', 'reverse', 'expire-token', 'before-commit', 'after-commit', 'transient', 'restore-backup'] as const;

const op = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('edit' as const), c: fc.nat(2), field: fc.constantFrom(...APP_FIELDS), n: fc.nat(50), dt: fc.nat(120_000) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('team' as const), c: fc.nat(2), n: fc.nat(50), dt: fc.nat(120_000) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('event' as const), c: fc.nat(2), dt: fc.nat(120_000) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-team' as const), c: fc.nat(2), dt: fc.nat(120_000) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('poison' as const), c: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('skew' as const), c: fc.nat(2), skew: fc.constantFrom(...SKEWS) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('push' as const), c: fc.nat(2), take: fc.integer({ min: 1, max: 4 }), fault: fc.constantFrom(...PUSH_FAULTS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('pull' as const), c: fc.nat(2), limit: fc.integer({ min: 1, max: 4 }), ahead: fc.boolean() }) },
);
const history = fc.record({ clients: fc.integer({ min: 2, max: 3 }), ops: fc.array(op, { minLength: 1, maxLength: 12 }) });
type History = typeof history extends fc.Arbitrary<infer T> ? T : never;

interface Entry {
  m: Omit<Mutation, 'seq'>;
  seq?: number;
}

/** A client as the extension's sync engine behaves (extension/sync/push.ts, pull.ts), without a browser. */
class Client {
  outbox: Entry[] = [];
  lastAcked = 0;
  /** Mutations that reached the server by acknowledgement, and those made here in order. */
  acked = new Set<string>();
  made: string[] = [];
  parked = new Set<string>();
  cursor = 0;
  /** The need-to-know scope of the last pull answer, sent back with the next pull. */
  scope: string | undefined;
  seen: Change[] = [];
  clock: Hlc;
  skew = 0;
  credentialId = '';

  constructor(
    readonly clientId: string,
    readonly userId: string,
    readonly role: 'coordinator' | 'central' | 'manager',
    public token: string,
  ) {
    this.clock = { wall: 0, counter: 0, node: clientId };
  }

  make(table: Mutation['table'], op: Mutation['op'], recordId: string, fields: Record<string, unknown> | undefined, dt: number, now: number) {
    this.clock = tickHlc(this.clock, now + dt + this.skew);
    const m = { id: id(), table, op, recordId, ...(fields ? { fields } : {}), hlc: formatHlc(this.clock) };
    this.outbox.push({ m });
    this.made.push(m.id);
    return m;
  }

  /** Numbers the next `take` entries (each keeps its number until acknowledged). */
  batch(take: number): Mutation[] {
    const entries = this.outbox.slice(0, take);
    let next = Math.max(this.lastAcked, ...this.outbox.map((e) => e.seq ?? 0)) + 1;
    for (const e of entries) e.seq ??= next++;
    return entries.map((e) => ({ ...e.m, seq: e.seq! }));
  }

  acknowledge(lastSeq: number) {
    for (const e of this.outbox) if (e.seq !== undefined && e.seq <= lastSeq) this.acked.add(e.m.id);
    this.outbox = this.outbox.filter((e) => e.seq === undefined || e.seq > lastSeq);
    this.lastAcked = Math.max(this.lastAcked, lastSeq);
  }

  renumberFrom(lastSeq: number) {
    for (const e of this.outbox) delete e.seq;
    this.lastAcked = lastSeq;
  }
}

type Role = 'coordinator' | 'central' | 'manager';
interface Council {
  orgId: string;
  users: Record<Role, string>;
  tokens: Record<Role, string>;
}

/** A fresh organisation with one user and token per pushing role, written in one D1 batch. */
async function council(): Promise<Council> {
  const orgId = id();
  const now = new Date().toISOString();
  const expires = new Date(Date.now() + 86_400_000).toISOString();
  const roles: Role[] = ['coordinator', 'central', 'manager'];
  const c: Council = { orgId, users: {} as Council['users'], tokens: {} as Council['tokens'] };
  const stmts = [env.DB.prepare('INSERT INTO organisations (id, name, created_at) VALUES (?1, ?2, ?3)').bind(orgId, 'Faultshire', now)];
  for (const role of roles) {
    const userId = id();
    const token = `sl_fault_${id()}`;
    c.users[role] = userId;
    c.tokens[role] = token;
    stmts.push(
      env.DB.prepare('INSERT INTO users (id, org_id, name, email, role, active, created_at) VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6)').bind(userId, orgId, `${role} user`, `${role}.${userId.slice(-8)}@example.gov.uk`, role, now),
      env.DB.prepare('INSERT INTO credentials (id, org_id, user_id, token_hash, prefix, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)').bind(id(), orgId, userId, await hashToken(token), token.slice(0, 11), now, expires),
    );
  }
  await env.DB.batch(stmts);
  return c;
}

interface World {
  org: Council;
  clients: Client[];
  ids: { app: string; team: string; vacancy: string };
  /** Stage events made: record id -> mutation id. */
  events: Map<string, string>;
  log: string[];
}

async function setUp(n: number): Promise<World> {
  const org = await council();
  const ids = { app: id(), team: id(), vacancy: id() };
  const setupToken = org.tokens.coordinator;
  const week = mondayOf(new Date().toISOString());
  const now = Date.now();
  const seed: Mutation[] = [
    { id: id(), seq: 1, table: 'teams', op: 'upsert', recordId: ids.team, fields: team(), hlc: formatHlc({ wall: now - 2 * HOUR, counter: 0, node: 'setup' }) },
    { id: id(), seq: 2, table: 'vacancies', op: 'upsert', recordId: ids.vacancy, fields: vacancy({ teamIds: [ids.team] }), hlc: formatHlc({ wall: now - 2 * HOUR, counter: 1, node: 'setup' }) },
    { id: id(), seq: 3, table: 'applications', op: 'upsert', recordId: ids.app, fields: application(ids.vacancy), hlc: formatHlc({ wall: now - 2 * HOUR, counter: 2, node: 'setup' }) },
    // The manager is on this week's whole-council shortlisting rota, given by the coordinator.
    { id: id(), seq: 4, table: 'rota_slots', op: 'upsert', recordId: id(), fields: rotaSlot(org.users.manager, week), hlc: formatHlc({ wall: now - 2 * HOUR, counter: 3, node: 'setup' }) },
  ];
  const r = await request('POST', '/v1/sync/push', setupToken, { clientId: `setup-${id()}`, schemaVersion: SYNC_SCHEMA_VERSION, mutations: seed });
  if (r.status !== 200) throw new Error(`setup push ${r.status} ${JSON.stringify(r.body)}`);
  const roles = ['coordinator', 'central', 'manager'] as const;
  const clients = roles.slice(0, n).map((role) => new Client(`fault-${role}-${id()}`, org.users[role], role, org.tokens[role]));
  return { org, clients, ids, events: new Map(), log: [] };
}

const isDrop = (f: string) => f === 'drop-before' || f === 'drop-after';

/** One push round with a fault, then the client's reaction (the extension's rules). */
async function push(w: World, c: Client, take: number, fault: (typeof PUSH_FAULTS)[number]) {
  if (c.outbox.length === 0) return;
  if (fault === 'restore-backup') {
    // A profile restored from a backup: it forgot what was acknowledged, and numbers from there.
    c.renumberFrom(0);
  }
  if (fault === 'expire-token') {
    await env.DB.prepare("UPDATE credentials SET expires_at = '2020-01-01T00:00:00.000Z' WHERE token_hash IN (SELECT token_hash FROM credentials WHERE user_id = ?1)").bind(c.userId).run();
  }
  let mutations = c.batch(take);
  if (fault === 'reverse') mutations = [...mutations].reverse();
  const body = { clientId: c.clientId, schemaVersion: SYNC_SCHEMA_VERSION, mutations };
  if (fault === 'drop-before') return;
  if (fault === 'before-commit' || fault === 'after-commit' || fault === 'transient') armed = fault;
  const replies = fault === 'duplicate' ? await Promise.all([request('POST', '/v1/sync/push', c.token, body), request('POST', '/v1/sync/push', c.token, body)]) : [await request('POST', '/v1/sync/push', c.token, body)];
  armed = 'none';
  if (fault === 'drop-after') return;
  for (const r of replies) await react(w, c, r, fault);
}

async function react(w: World, c: Client, r: Answer, fault: string) {
  w.log.push(`${c.role} push -> ${r.status} ${r.body?.error?.code ?? ''}`);
  if (r.status >= 500 && !(fault === 'before-commit' || fault === 'after-commit')) throw new Error(`push answered ${r.status} without a crash: ${JSON.stringify(r.body)}`);
  if (r.status === 200) return c.acknowledge(r.body.lastSeq);
  if (r.status === 401) {
    // Signed in again: a new token for the same user.
    c.token = await createToken(w.org.orgId, c.userId);
    return;
  }
  if (r.status === 409 && r.body.error.code === 'sequence_gap') {
    c.acknowledge(r.body.error.details.expected - 1);
    if (c.outbox[0]?.seq !== undefined && r.body.error.details.expected <= c.outbox[0].seq) c.renumberFrom(r.body.error.details.expected - 1);
    return;
  }
  if (r.status === 409 && r.body.error.code === 'sequence_reused') return c.renumberFrom(r.body.error.details.lastSeq);
  if ((r.status === 400 && r.body.error.code === 'invalid_mutations') || (r.status === 403 && r.body.error.code === 'forbidden')) {
    const named = new Set((r.body.error.details as { id: string }[]).map((d) => d.id));
    for (const e of c.outbox) if (named.has(e.m.id)) c.parked.add(e.m.id);
    c.outbox = c.outbox.filter((e) => !named.has(e.m.id));
    c.renumberFrom(c.lastAcked);
    return;
  }
  if (r.status >= 500) return;
  throw new Error(`unexpected push answer ${r.status} ${JSON.stringify(r.body)}`);
}

async function pull(w: World, c: Client, limit: number, ahead: boolean) {
  const scopeOf = (cl: Client) => (cl.scope === undefined ? '' : `&scope=${encodeURIComponent(cl.scope)}`);
  if (ahead) {
    const r = await request('GET', `/v1/sync/pull?cursor=${c.cursor + 1_000_000_000}&limit=${limit}${scopeOf(c)}`, c.token);
    if (r.status === 401) return void (c.token = await createToken(w.org.orgId, c.userId));
    // A manager who never pulled has no scope to send: told to start from 0 for that reason first.
    const restart = r.body.error?.code === 'cursor_ahead' || (c.scope === undefined && r.body.error?.code === 'scope_changed');
    if (r.status !== 409 || !restart) throw new Error(`a cursor beyond the log answered ${r.status} ${JSON.stringify(r.body)}`);
  }
  for (let pages = 0; pages < 1000; pages++) {
    const r = await request('GET', `/v1/sync/pull?cursor=${c.cursor}&limit=${limit}${scopeOf(c)}`, c.token);
    if (r.status === 401) {
      c.token = await createToken(w.org.orgId, c.userId);
      continue;
    }
    // Invariant 13: what this user may see changed; start again from 0, every record comes again.
    if (r.status === 409 && r.body.error.code === 'scope_changed') {
      c.cursor = 0;
      continue;
    }
    if (r.status !== 200) throw new Error(`pull ${r.status} ${JSON.stringify(r.body)}`);
    if (r.body.cursor < c.cursor) throw new Error(`invariant 6: the cursor went back from ${c.cursor} to ${r.body.cursor}`);
    c.seen.push(...r.body.changes);
    c.cursor = r.body.cursor;
    c.scope = r.body.scope;
    if (!r.body.hasMore) return;
  }
  throw new Error('pull did not finish');
}

async function play(h: History) {
  const w = await setUp(h.clients);
  const now = Date.now();
  for (const o of h.ops) {
    const c = w.clients[o.c % w.clients.length]!;
    const manager = c.role === 'manager';
    if (o.kind === 'edit' && !manager) c.make('applications', 'upsert', w.ids.app, { [o.field]: o.field === 'yearsQualified' ? o.n % 40 : `${o.field}-${o.n}` }, o.dt, now);
    else if (o.kind === 'team' && !manager) c.make('teams', 'upsert', w.ids.team, { area: `area-${o.n}` }, o.dt, now);
    else if (o.kind === 'delete-team' && !manager) c.make('teams', 'delete', w.ids.team, undefined, o.dt, now);
    else if (o.kind === 'event' || (manager && o.kind !== 'push' && o.kind !== 'pull' && o.kind !== 'skew' && o.kind !== 'poison')) {
      const e = c.make('stage_events', 'upsert', id(), { applicationId: w.ids.app, stage: 'shortlisted', at: new Date(Math.min(now, now + c.skew)).toISOString(), by: c.userId }, 0, now);
      w.events.set(e.recordId, e.id);
    } else if (o.kind === 'poison') c.make('applications', 'upsert', w.ids.app, { yearsQualified: 'many' }, 0, now);
    else if (o.kind === 'skew') c.skew = o.skew;
    else if (o.kind === 'push') await push(w, c, o.take, o.fault);
    else if (o.kind === 'pull') await pull(w, c, o.limit, o.ahead);
  }
  // Everyone comes back online: flush (parking what is refused), then pull to the end.
  for (const c of w.clients) {
    for (let round = 0; c.outbox.length && round < 50; round++) await push(w, c, 50, 'none');
    if (c.outbox.length) throw new Error(`invariant 14: ${c.role}'s outbox did not drain: ${JSON.stringify(c.outbox)}`);
  }
  for (const c of w.clients) await pull(w, c, 3, false);
  await checkInvariants(w);
}

const key = (c: Change) => `${c.table}:${c.recordId}`;
const stateOf = (changes: Change[]) => {
  const m = new Map<string, Record<string, unknown> | null>();
  for (const c of changes) if (c.table !== 'conflicts') m.set(key(c), c.record);
  return m;
};

async function checkInvariants(w: World) {
  const { orgId } = w.org;
  const applied = await env.DB.prepare('SELECT mutation_id, client_id, seq FROM applied_mutations WHERE org_id = ?1 ORDER BY client_id, seq').bind(orgId).all<{ mutation_id: string; client_id: string; seq: number }>();
  const appliedIds = new Set(applied.results.map((r) => r.mutation_id));
  for (const c of w.clients) {
    for (const mid of c.made) {
      // 1 and 14: every local change reached the server, or was parked with the server's reason.
      if (!appliedIds.has(mid) && !c.parked.has(mid)) throw new Error(`invariant 1: ${c.role}'s mutation ${mid} is neither applied nor parked`);
      if (appliedIds.has(mid) && c.parked.has(mid)) throw new Error(`invariant 14: ${mid} both applied and parked`);
    }
    // 2: nothing acknowledged is missing.
    for (const mid of c.acked) if (!appliedIds.has(mid)) throw new Error(`invariant 2: acknowledged ${mid} is not applied`);
    // 4 and 11: the server applied this client's mutations in the order it made them (each once).
    const order = applied.results.filter((r) => r.client_id === c.clientId).map((r) => r.mutation_id);
    const expected = c.made.filter((mid) => appliedIds.has(mid));
    if (JSON.stringify(order) !== JSON.stringify(expected)) throw new Error(`invariant 4: ${c.role} applied in order ${order.join(',')}, made ${expected.join(',')}`);
  }
  // 3 and 8: each applied mutation wrote at most one change per record; each stage event once.
  const dup = await env.DB.prepare('SELECT mutation_id, tbl, record_id, count(*) AS n FROM changes WHERE org_id = ?1 AND op != ?2 GROUP BY mutation_id, tbl, record_id HAVING n > 1')
    .bind(orgId, 'conflict')
    .all();
  if (dup.results.length) throw new Error(`invariant 3: a mutation applied twice ${JSON.stringify(dup.results)}`);
  // Tokens of the history may have expired: the clients' own are current (they signed in again).
  const reader = w.clients.find((c) => c.role !== 'manager')!;
  const server = stateOf(await pullAll(reader.token));
  const eventsOnServer = [...server.keys()].filter((k) => k.startsWith('stage_events:')).map((k) => k.slice('stage_events:'.length));
  for (const [e, mid] of w.events) {
    const there = server.get(`stage_events:${e}`);
    if (appliedIds.has(mid) !== Boolean(there)) throw new Error(`invariant 8: stage event ${e} ${there ? 'on the server but never applied' : 'applied but lost'}`);
  }
  if (eventsOnServer.some((e) => !w.events.has(e))) throw new Error('invariant 8: a stage event nobody made');
  // 5 and 6: every client's pulls, page by page while others wrote, add up to the server's state.
  for (const c of w.clients) {
    const mine = stateOf(c.seen);
    if (JSON.stringify([...mine].sort()) !== JSON.stringify([...server].sort())) throw new Error(`invariant 5/6: ${c.role} holds ${JSON.stringify([...mine])}, server ${JSON.stringify([...server])}`);
  }
  // 7: a team deleted by any applied mutation stays deleted.
  const deletes = await env.DB.prepare("SELECT count(*) AS n FROM changes WHERE org_id = ?1 AND tbl = 'teams' AND op = 'delete'").bind(orgId).first<{ n: number }>();
  if (deletes!.n > 0 && server.get(`teams:${w.ids.team}`) !== null) throw new Error('invariant 7: a deleted team came back');
  // Every live record is whole: what the reports read (no half-records).
  const appRecord = server.get(`applications:${w.ids.app}`);
  if (!appRecord || typeof appRecord.receivedDate !== 'string' || typeof appRecord.vacancyId !== 'string') throw new Error(`half-record ${JSON.stringify(appRecord)}`);
  const report = await request('GET', '/v1/reports/summary', reader.token);
  if (report.status !== 200) throw new Error(`the reports answer ${report.status} ${JSON.stringify(report.body)}`);
  // 9: none of this council's records exist in another organisation.
  const crossed = await env.DB.prepare('SELECT count(*) AS n FROM changes WHERE org_id != ?1 AND record_id IN (?2, ?3, ?4)').bind(orgId, w.ids.app, w.ids.team, w.ids.vacancy).first<{ n: number }>();
  if (crossed!.n) throw new Error('invariant 9: records crossed organisations');
}

async function pullAll(token: string): Promise<Change[]> {
  const out: Change[] = [];
  let cursor = 0;
  for (;;) {
    const r = await request('GET', `/v1/sync/pull?cursor=${cursor}&limit=2000`, token);
    if (r.status !== 200) throw new Error(`pull ${r.status}`);
    out.push(...r.body.changes);
    cursor = r.body.cursor;
    if (!r.body.hasMore) return out;
  }
}

describe('fault histories (fast-check, real worker and D1)', () => {
  it('keep every invariant of sync.md', { timeout: 1_200_000 }, async () => {
    const started = Date.now();
    const faults = new Map<string, number>();
    // The worker logs each injected crash as an unhandled error: expected here, so kept quiet.
    const logError = console.error;
    console.error = (...args: unknown[]) => {
      if (!args.some((a) => String(a).includes('fault injector'))) logError(...args);
    };
    const details = await fc.check(
      fc.asyncProperty(history, async (h) => {
        for (const o of h.ops) if (o.kind === 'push') faults.set(o.fault, (faults.get(o.fault) ?? 0) + 1);
        await play(h);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: false },
    );
    console.error = logError;
    if (details.failed) {
      console.log(`fault histories failed (seed ${SEED}); shrunk history:\n${JSON.stringify(details.counterexample?.[0], null, 2)}\n${String(details.errorInstance)}`);
      throw new Error(fc.defaultReportMessage(details) ?? 'property failed');
    }
    const summary = [...faults].map(([f, n]) => `${f} ${n}`).join(', ');
    console.log(`fault histories: ${details.numRuns} histories (seed ${SEED}) in ${((Date.now() - started) / 1000).toFixed(1)} s, 0 failures; pushes by fault: ${summary}`);
    expect(details.numRuns).toBeGreaterThanOrEqual(Math.min(RUNS, 1000));
  });
});
