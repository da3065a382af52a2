import { clampHlc, parseHlc } from '#shared/hlc';
import {
  CRITICAL_FIELDS,
  DEFAULT_PULL_LIMIT,
  DEFAULT_SETTINGS,
  describeIssues,
  MAX_PULL_LIMIT,
  PERSONAL_FIELDS,
  pushRequestSchema,
  SYNC_SCHEMA_VERSION,
  SYNC_TABLES,
  type Change,
  type ConflictRecord,
  type MeResponse,
  type Mutation,
  type PullResponse,
  type PushResponse,
  type SyncTable,
} from '#shared/schema/index';
import type { z } from 'zod';

/**
 * An in-memory stand-in for the worker's sync API (worker/src/sync/*.ts and routes/sync.ts),
 * with the same semantics: per-client last_seq, mutation-id idempotency, sequence gaps refused
 * (409 sequence_gap, details.expected), field-level last-writer-wins by HLC string order
 * (clocks clamped to now + 60 s), stage events insert-or-ignore, tombstones, erasure,
 * conflicts of critical fields, a change log with an increasing cursor, paged pulls that send a
 * record once per page at its last change. A push is all or nothing, like the worker's one
 * D1 batch. Faults are injected per request.
 */

export interface FakeUser {
  token: string;
  userId: string;
  name: string;
  email: string;
  role: MeResponse['user']['role'];
  orgId: string;
  orgName: string;
}

export type Fault =
  /** fetch rejects; the server never saw the request. */
  | { kind: 'drop-before' }
  /** The server handles the request (and applies it), then fetch rejects: the response is lost. */
  | { kind: 'drop-after' }
  /** The server answers this status with the API's error body. */
  | { kind: 'status'; status: number; code?: string; message?: string; details?: unknown };

export type Route = 'push' | 'pull' | 'me' | 'people';

interface Row {
  id: string;
  data: Record<string, unknown>;
  clocks: Record<string, string>;
  arrivals: Record<string, number>;
  deleted: boolean;
  erased: boolean;
}

interface LogEntry {
  seq: number;
  table: string;
  recordId: string;
  op: string;
  mutationId: string | null;
}

class OrgState {
  rows = new Map<string, Row>();
  /** Records of tables the client may not know (injected by tests), by `table:id`. */
  extra = new Map<string, Record<string, unknown> | null>();
  conflicts = new Map<string, ConflictRecord>();
  log: LogEntry[] = [];
  clients = new Map<string, { userId: string; lastSeq: number }>();
  appliedIds = new Set<string>();
  /** How many times each mutation id was applied (1 at most, or idempotency is broken). */
  applyCount = new Map<string, number>();
}

class Failure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const key = (t: string, id: string) => `${t}:${id}`;
const PERSONAL = new Set<string>(PERSONAL_FIELDS);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const clone = (r: Row): Row => ({ ...r, data: { ...r.data }, clocks: { ...r.clocks }, arrivals: { ...r.arrivals } });
const newRow = (id: string): Row => ({ id, data: { id }, clocks: {}, arrivals: {}, deleted: false, erased: false });

export const DEFAULT_USER: FakeUser = {
  token: 'token-alice-0001',
  userId: 'user-alice',
  name: 'Alice Coordinator',
  email: 'alice@council.example',
  role: 'coordinator',
  orgId: 'org-1',
  orgName: 'Exampleshire County Council',
};

export class FakeServer {
  readonly baseUrl = 'https://sync.test';
  private orgs = new Map<string, OrgState>();
  private users = new Map<string, FakeUser>();
  private seq = 0;
  private faults: { route?: Route; fault: Fault }[] = [];
  private invalid = new Map<string, string[]>();
  private forbidden = new Map<string, string>();
  /** Every request that reached the server (not those dropped before). */
  readonly requests: { route: Route | 'other'; body?: unknown; status?: number }[] = [];
  /** The server's clock (for clamping); tests may replace it. */
  now: () => number = () => Date.now();

  constructor(
    users: FakeUser[] = [DEFAULT_USER],
    /**
     * `reportLosingUpserts` (default true, as worker/src/sync/apply.ts does): an upsert that changes
     * nothing (all its fields older than the server's, or the record deleted) still logs a change of
     * its record, so the browser that pushed it pulls the record as it is and drops its losing local
     * value. `false` is the worker before that fix, kept to show the failure it caused.
     */
    readonly options: { reportLosingUpserts?: boolean } = {},
  ) {
    for (const u of users) this.addUser(u);
  }

  addUser(u: FakeUser): void {
    this.users.set(u.token, u);
  }

  org(orgId = DEFAULT_USER.orgId): OrgState {
    let o = this.orgs.get(orgId);
    if (!o) this.orgs.set(orgId, (o = new OrgState()));
    return o;
  }

  // ---- fault injection ------------------------------------------------------------------

  /** The next request (to `route`, or any) meets this fault; faults queue up in order. */
  failNext(fault: Fault, route?: Route): void {
    this.faults.push({ route, fault });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Pushes carrying this mutation id are refused with 400 invalid_mutations (nothing applied). */
  refuseMutation(mutationId: string, issues = ['fields: refused by the test']): void {
    this.invalid.set(mutationId, issues);
  }

  /** Pushes carrying this mutation id are refused with 403 forbidden (nothing applied). */
  forbidMutation(mutationId: string, reason = 'not allowed for your role'): void {
    this.forbidden.set(mutationId, reason);
  }

  // ---- inspection -------------------------------------------------------------------------

  /** The record as a pull would send it (null: tombstone or never seen). */
  record(table: SyncTable, id: string, orgId?: string): Record<string, unknown> | null {
    const r = this.org(orgId).rows.get(key(table, id));
    return r && !r.deleted ? r.data : null;
  }

  /** Every live record of the organisation, by `table:id`. */
  snapshot(orgId?: string): Map<string, Record<string, unknown>> {
    const out = new Map<string, Record<string, unknown>>();
    for (const [k, r] of this.org(orgId).rows) if (!r.deleted) out.set(k, r.data);
    return out;
  }

  isDeleted(table: SyncTable, id: string, orgId?: string): boolean {
    return this.org(orgId).rows.get(key(table, id))?.deleted ?? false;
  }

  lastSeq(clientId: string, orgId?: string): number {
    return this.org(orgId).clients.get(clientId)?.lastSeq ?? 0;
  }

  applyCount(mutationId: string, orgId?: string): number {
    return this.org(orgId).applyCount.get(mutationId) ?? 0;
  }

  appliedIds(orgId?: string): Set<string> {
    return this.org(orgId).appliedIds;
  }

  pushes(): PushRequestBody[] {
    return this.requests.filter((r) => r.route === 'push').map((r) => r.body as PushRequestBody);
  }

  /** The highest cursor a pull can reach now. */
  head(): number {
    return this.seq;
  }

  // ---- server-side writes (as if another component wrote them) -----------------------------

  /** A change of any table, e.g. one this client does not know; `record` null is a tombstone. */
  injectChange(table: string, recordId: string, record: Record<string, unknown> | null, orgId?: string): number {
    const o = this.org(orgId);
    if (table in SYNC_TABLES) {
      const row = newRow(recordId);
      row.data = record ? { ...record } : { id: recordId };
      row.deleted = record === null;
      o.rows.set(key(table, recordId), row);
    } else {
      o.extra.set(key(table, recordId), record);
    }
    return this.logChange(o, table, recordId, 'update', null);
  }

  /** A conflict the server recorded (pulled as a change of the `conflicts` table). */
  injectConflict(c: ConflictRecord, orgId?: string): number {
    const o = this.org(orgId);
    o.conflicts.set(c.id, c);
    return this.logChange(o, 'conflicts', c.id, 'conflict', null);
  }

  private logChange(o: OrgState, table: string, recordId: string, op: string, mutationId: string | null): number {
    const seq = ++this.seq;
    o.log.push({ seq, table, recordId, op, mutationId });
    return seq;
  }

  // ---- HTTP ---------------------------------------------------------------------------------

  /** A `fetch` for callApi: only this server's routes. */
  readonly fetch = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    const route: Route | 'other' =
      method === 'POST' && url.pathname === '/v1/sync/push'
        ? 'push'
        : method === 'GET' && url.pathname === '/v1/sync/pull'
          ? 'pull'
          : method === 'GET' && url.pathname === '/v1/me'
            ? 'me'
            : method === 'GET' && url.pathname === '/v1/people'
              ? 'people'
              : 'other';
    const i = this.faults.findIndex((f) => f.route === undefined || f.route === route);
    const fault = i >= 0 ? this.faults.splice(i, 1)[0]!.fault : undefined;
    if (fault?.kind === 'drop-before') throw new TypeError('fetch failed (dropped before the request)');
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const logged: { route: Route | 'other'; body?: unknown; status?: number } = { route, body };
    this.requests.push(logged);
    let response: Response;
    if (fault?.kind === 'status') {
      response = json(fault.status, {
        error: { code: fault.code ?? `fault_${fault.status}`, message: fault.message ?? `injected ${fault.status}`, ...(fault.details !== undefined ? { details: fault.details } : {}) },
      });
    } else {
      response = this.handle(route, url, headerOf(init, 'authorization'), body);
    }
    logged.status = response.status;
    if (fault?.kind === 'drop-after') throw new TypeError('fetch failed (connection lost after the server answered)');
    return response;
  }) as typeof fetch;

  private handle(route: Route | 'other', url: URL, authorization: string | undefined, body: unknown): Response {
    try {
      if (route === 'other') throw new Failure(404, 'not_found', `No route ${url.pathname}`);
      const user = this.authenticate(authorization);
      if (route === 'me') {
        const me: MeResponse = {
          user: { id: user.userId, name: user.name, email: user.email, role: user.role },
          organisation: { id: user.orgId, name: user.orgName },
          settings: DEFAULT_SETTINGS,
          tokenExpiresAt: '2099-01-01T00:00:00.000Z',
        };
        return json(200, me);
      }
      if (route === 'people') {
        const people = [...this.users.values()]
          .filter((u) => u.orgId === user.orgId)
          .map((u) => ({ id: u.userId, name: u.name, role: u.role, active: true }));
        return json(200, { people });
      }
      if (route === 'pull') {
        const cursor = Number(url.searchParams.get('cursor') ?? 0);
        const limit = Number(url.searchParams.get('limit') ?? DEFAULT_PULL_LIMIT);
        if (!Number.isInteger(cursor) || cursor < 0 || !Number.isInteger(limit) || limit < 1 || limit > MAX_PULL_LIMIT) {
          throw new Failure(400, 'invalid_request', 'The query is not valid', ['cursor or limit']);
        }
        return json(200, this.pull(user.orgId, cursor, limit));
      }
      const v = (body as { schemaVersion?: unknown } | null)?.schemaVersion;
      if (typeof v === 'number' && v !== SYNC_SCHEMA_VERSION) {
        throw new Failure(426, 'schema_version_unsupported', `This server speaks sync schema version ${SYNC_SCHEMA_VERSION}, the extension sent version ${v}`, {
          expected: SYNC_SCHEMA_VERSION,
          got: v,
        });
      }
      const parsed = pushRequestSchema.safeParse(body);
      if (!parsed.success) {
        const lines = describeIssues(parsed.error);
        throw new Failure(400, 'invalid_request', `The body is not valid: ${lines.join('; ')}`, lines);
      }
      return json(200, this.push(user, parsed.data.clientId, parsed.data.mutations));
    } catch (err) {
      if (err instanceof Failure) {
        return json(err.status, { error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) } });
      }
      throw err;
    }
  }

  private authenticate(authorization: string | undefined): FakeUser {
    if (!authorization) throw new Failure(401, 'missing_token', 'Send the header "Authorization: Bearer <token>"');
    const m = /^Bearer (.+)$/.exec(authorization);
    const user = m ? this.users.get(m[1]!) : undefined;
    if (!user) throw new Failure(401, 'invalid_token', 'This token is not recognised');
    return user;
  }

  // ---- push (worker/src/sync/apply.ts) ------------------------------------------------------------

  /** Applies a client's mutations as the worker does; all or nothing. */
  push(user: FakeUser, clientId: string, mutations: Mutation[]): PushResponse {
    const o = this.org(user.orgId);
    const client = o.clients.get(clientId);
    if (client && client.userId !== user.userId) throw new Failure(409, 'client_mismatch', 'This clientId is registered to another user');
    const baseSeq = client?.lastSeq ?? 0;
    const sorted = [...mutations].sort((a, b) => a.seq - b.seq);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.seq === sorted[i - 1]!.seq) throw new Failure(400, 'invalid_request', `Two mutations carry sequence ${sorted[i]!.seq}`);
    }
    const ahead = sorted.filter((m) => m.seq > baseSeq);
    let expected = baseSeq + 1;
    for (const m of ahead) {
      if (m.seq !== expected) throw new Failure(409, 'sequence_gap', `expected sequence ${expected}, got ${m.seq}`, { expected: baseSeq + 1, lastSeq: baseSeq });
      expected++;
    }
    const fresh = ahead.filter((m) => !o.appliedIds.has(m.id));
    const newLastSeq = ahead.length ? ahead[ahead.length - 1]!.seq : baseSeq;
    const skipped = mutations.length - fresh.length;
    if (!fresh.length && newLastSeq === baseSeq) return { lastSeq: baseSeq, applied: 0, skipped, conflicts: [] };

    // Decide on a working copy; commit only if nothing is refused.
    const work = new Map<string, Row | null>();
    const get = (t: string, id: string): Row | null => {
      const k = key(t, id);
      if (!work.has(k)) work.set(k, o.rows.get(k) ?? null);
      return work.get(k)!;
    };
    const put = (t: string, r: Row) => work.set(key(t, r.id), r);
    const nowMs = this.now();
    const nowIso = new Date(nowMs).toISOString();
    const invalid: { id: string; seq: number; table: string; recordId: string; issues: string[] }[] = [];
    const refused: { id: string; seq: number; table: string; recordId: string; reason: string }[] = [];
    const changes: { t: string; r: string; op: string; m: string }[] = [];
    const conflicts: ConflictRecord[] = [];
    let applied = 0;
    for (const m of fresh) {
      const current = get(m.table, m.recordId);
      const v = validateMutation(m, current !== null);
      const issues = [...v.issues, ...(this.invalid.get(m.id) ?? [])];
      if (issues.length) {
        invalid.push({ id: m.id, seq: m.seq, table: m.table, recordId: m.recordId, issues });
        continue;
      }
      const why = this.forbidden.get(m.id);
      if (why) {
        refused.push({ id: m.id, seq: m.seq, table: m.table, recordId: m.recordId, reason: why });
        continue;
      }
      if (invalid.length || refused.length) continue;
      const fields = v.fields;
      const hlc = clampHlc(m.hlc, nowMs);
      if (m.op === 'upsert') {
        const appId = String(fields.applicationId ?? current?.data.applicationId ?? '');
        if ((m.table === 'stage_events' || m.table === 'checks') && get('applications', appId)?.erased && 'note' in fields) fields.note = null;
        const r = mergeUpsert(m.table, SYNC_TABLES[m.table].appendOnly, current, m.recordId, fields, hlc, nowMs);
        applied++;
        for (const c of r.conflicts) {
          const id = crypto.randomUUID();
          conflicts.push({ id, table: m.table, recordId: m.recordId, ...c, at: nowIso });
          changes.push({ t: 'conflicts', r: id, op: 'conflict', m: m.id });
        }
        if (!r.changed) {
          if (this.options.reportLosingUpserts !== false) changes.push({ t: m.table, r: m.recordId, op: 'update', m: m.id });
          continue;
        }
        put(m.table, r.state);
        changes.push({ t: m.table, r: m.recordId, op: current ? 'update' : 'create', m: m.id });
      } else if (m.op === 'delete') {
        applied++;
        if (current?.deleted) continue;
        const state = current ? clone(current) : newRow(m.recordId);
        state.deleted = true;
        state.clocks._deleted = hlc;
        put(m.table, state);
        changes.push({ t: m.table, r: m.recordId, op: 'delete', m: m.id });
      } else {
        applied++;
        const state = current ? clone(current) : newRow(m.recordId);
        const already = state.erased && PERSONAL_FIELDS.every((f) => state.data[f] == null) && state.data.erased === true;
        if (!already) {
          for (const f of PERSONAL_FIELDS) if (f in state.data) state.data[f] = null;
          state.data.erased = true;
          state.erased = true;
          state.clocks.erased = hlc;
          put('applications', state);
          changes.push({ t: 'applications', r: m.recordId, op: 'erase', m: m.id });
        }
        for (const t of ['stage_events', 'checks'] as const) {
          for (const k of new Set([...o.rows.keys(), ...work.keys()])) {
            if (!k.startsWith(`${t}:`)) continue;
            const cur = get(t, k.slice(t.length + 1));
            if (!cur) continue;
            if (cur.data.applicationId !== m.recordId || cur.data.note == null) continue;
            const scrubbed = clone(cur);
            scrubbed.data.note = null;
            put(t, scrubbed);
            changes.push({ t, r: cur.id, op: 'erase', m: m.id });
          }
        }
      }
    }
    if (invalid.length) {
      throw new Failure(400, 'invalid_mutations', `${invalid.length} mutation(s) not valid, so nothing of this push was applied. ${invalid.map((x) => `mutation ${x.id}: ${x.issues.join('; ')}`).join(' | ')}`, invalid);
    }
    if (refused.length) {
      throw new Failure(403, 'forbidden', `Your role (${user.role}) may not make this change; nothing of this push was applied.`, refused);
    }
    // ---- commit (the worker's one atomic batch) ----
    for (const [k, r] of work) if (r) o.rows.set(k, r);
    for (const c of conflicts) o.conflicts.set(c.id, c);
    for (const c of changes) this.logChange(o, c.t, c.r, c.op, c.m);
    o.clients.set(clientId, { userId: user.userId, lastSeq: newLastSeq });
    for (const m of fresh) {
      o.appliedIds.add(m.id);
      o.applyCount.set(m.id, (o.applyCount.get(m.id) ?? 0) + 1);
    }
    return { lastSeq: newLastSeq, applied, skipped, conflicts };
  }

  // ---- pull (worker/src/sync/pull.ts) ------------------------------------------------------------

  pull(orgId: string, cursor: number, limit: number): PullResponse {
    const o = this.org(orgId);
    const after = o.log.filter((c) => c.seq > cursor);
    const hasMore = after.length > limit;
    const page = after.slice(0, limit);
    const last = new Map<string, number>();
    page.forEach((c, i) => last.set(key(c.table, c.recordId), i));
    const changes: Change[] = [];
    page.forEach((c, i) => {
      if (last.get(key(c.table, c.recordId)) !== i) return;
      let record: Record<string, unknown> | null;
      if (c.table === 'conflicts') record = structuredClone(o.conflicts.get(c.recordId) ?? null) as Record<string, unknown> | null;
      else if (c.table in SYNC_TABLES) {
        const row = o.rows.get(key(c.table, c.recordId));
        record = row && !row.deleted ? structuredClone(row.data) : null;
      } else record = structuredClone(o.extra.get(key(c.table, c.recordId)) ?? null);
      changes.push({ cursor: c.seq, table: c.table as Change['table'], recordId: c.recordId, deleted: record === null, record });
    });
    return { changes, cursor: page.length ? page[page.length - 1]!.seq : cursor, hasMore };
  }
}

export type PushRequestBody = { clientId: string; schemaVersion: number; mutations: Mutation[] };

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function headerOf(init: RequestInit | undefined, name: string): string | undefined {
  const h = init?.headers;
  if (!h) return undefined;
  if (h instanceof Headers) return h.get(name) ?? undefined;
  if (Array.isArray(h)) return h.find(([k]) => k.toLowerCase() === name)?.[1];
  const rec = h as Record<string, string>;
  const k = Object.keys(rec).find((x) => x.toLowerCase() === name);
  return k === undefined ? undefined : rec[k];
}

/** worker/src/sync/validate.ts */
function validateMutation(m: Mutation, exists: boolean): { issues: string[]; fields: Record<string, unknown> } {
  const def = SYNC_TABLES[m.table];
  const schema = def.schema as unknown as z.ZodObject<Record<string, z.ZodType>>;
  if (m.op === 'delete') {
    if (def.appendOnly) return { issues: ['op: stage events are append-only; record a new event instead of deleting one'], fields: {} };
    return { issues: [], fields: {} };
  }
  if (m.op === 'erase') {
    if (m.table !== 'applications') return { issues: [`op: erase applies to applications only, not ${m.table}`], fields: {} };
    return { issues: [], fields: {} };
  }
  const given = m.fields;
  if (!given || Object.keys(given).length === 0) return { issues: ['fields: an upsert needs at least one field'], fields: {} };
  const issues: string[] = [];
  const { id: givenId, ...rest } = given;
  if (givenId !== undefined && givenId !== m.recordId) issues.push('id: must equal the mutation recordId');
  for (const k of Object.keys(rest)) if (!(k in schema.shape)) issues.push(`${k}: is not a field of ${m.table}`);
  if (rest.erased === true) issues.push('erased: use op "erase" to erase a candidate');
  if (issues.length) return { issues, fields: {} };
  if (def.appendOnly || !exists) {
    const parsed = schema.safeParse({ ...rest, id: m.recordId });
    if (!parsed.success) return { issues: describeIssues(parsed.error), fields: {} };
    const { id: _id, ...fields } = parsed.data as Record<string, unknown>;
    return { issues: [], fields };
  }
  const fields: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(rest)) {
    const parsed = schema.shape[k]!.safeParse(value);
    if (parsed.success) fields[k] = parsed.data;
    else issues.push(...parsed.error.issues.map((i) => `${[k, ...i.path].join('.')}: ${i.message}`));
  }
  return { issues, fields };
}

/** worker/src/sync/merge.ts mergeUpsert */
function mergeUpsert(
  table: SyncTable,
  appendOnly: boolean,
  current: Row | null,
  recordId: string,
  fields: Record<string, unknown>,
  hlc: string,
  nowMs: number,
): { state: Row; changed: boolean; conflicts: Omit<ConflictRecord, 'id' | 'at' | 'table' | 'recordId'>[] } {
  if (current && (current.deleted || appendOnly)) return { state: current, changed: false, conflicts: [] };
  const state = current ? clone(current) : newRow(recordId);
  const critical = new Set(CRITICAL_FIELDS[table] ?? []);
  const applied: Record<string, unknown> = {};
  const conflicts: Omit<ConflictRecord, 'id' | 'at' | 'table' | 'recordId'>[] = [];
  const incoming = parseHlc(hlc);
  for (const [field, value] of Object.entries(fields)) {
    if (state.erased && (PERSONAL.has(field) || field === 'erased')) continue;
    const clock = state.clocks[field];
    if (clock === hlc) continue;
    const old = state.data[field];
    if (clock === undefined || hlc > clock) {
      if (critical.has(field) && clock !== undefined && !same(old, value)) {
        const arrived = state.arrivals[field] ?? 0;
        if (parseHlc(clock).node !== incoming.node && incoming.wall < arrived) {
          conflicts.push({ field, losingValue: old ?? null, winningValue: value ?? null, losingHlc: clock, winningHlc: hlc });
        }
      }
      state.data[field] = value;
      state.clocks[field] = hlc;
      if (critical.has(field)) state.arrivals[field] = nowMs;
      applied[field] = value;
    } else if (critical.has(field) && !same(old, value) && parseHlc(clock).node !== incoming.node) {
      conflicts.push({ field, losingValue: value ?? null, winningValue: old ?? null, losingHlc: hlc, winningHlc: clock });
    }
  }
  return { state, changed: Object.keys(applied).length > 0 || !current, conflicts };
}
