import {
  DEFAULT_SETTINGS,
  describeIssues,
  pushRequestSchema,
  SYNC_TABLES,
  type ConflictRecord,
  type MeResponse,
  type Mutation,
  type PullResponse,
  type PushResponse,
  type Settings,
  type SyncTable,
} from '#shared/schema/index';
import { decidePush } from '#shared/sync/decide';
import type { PeopleLookup } from '#shared/sync/people';
import { mondayOf } from '#shared/sync/permissions';
import { cursorRefusal, pullPage, pullQuerySchema } from '#shared/sync/pull';
import { managesLeaver, scopeChanged, scopeChangedRefusal, scopedRecord, scopeFingerprint, seesApplication, teamScope, vacancyScope, type Reader, type ScopeSlot } from '#shared/sync/scope';
import { schemaVersionRefusal } from '#shared/sync/refusals';
import { newRow, type RowLookup, type SyncRow } from '#shared/sync/rows';
import { sequencePush, type ClientState } from '#shared/sync/sequence';

/**
 * An in-memory stand-in for the worker's API (/v1/sync/push, /v1/sync/pull, /v1/me,
 * /v1/people). What a push and a pull decide comes from the same functions the worker calls
 * (shared/sync/); this file holds only storage, HTTP and fault injection. The contract suite
 * (tests/contract/) runs the same cases against this server and the worker with D1.
 * Who may push what (the role policy, references, stage-history rules) is shared/sync's too:
 * users carry their role, and a test may also forbid one mutation (forbidMutation).
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

interface LogEntry {
  seq: number;
  table: string;
  recordId: string;
}

/** One organisation's data; the rows are what a push decision reads. */
class OrgState implements RowLookup {
  tables = new Map<SyncTable, Map<string, SyncRow>>();
  /** Records of tables the client may not know (injected by tests), by `table:id`. */
  extra = new Map<string, Record<string, unknown> | null>();
  conflicts = new Map<string, ConflictRecord>();
  log: LogEntry[] = [];
  clients = new Map<string, ClientState>();
  appliedIds = new Set<string>();
  /** How many times each mutation id was applied (1 at most, or idempotency is broken). */
  applyCount = new Map<string, number>();
  settings: Settings = DEFAULT_SETTINGS;

  get(t: SyncTable, id: string): SyncRow | null {
    return this.tables.get(t)?.get(id) ?? (t === 'vacancies' && id === FIXTURE_VACANCY_ID ? FIXTURE_VACANCY : null);
  }

  all(t: SyncTable): SyncRow[] {
    return [...(this.tables.get(t)?.values() ?? [])];
  }

  put(t: SyncTable, row: SyncRow) {
    let rows = this.tables.get(t);
    if (!rows) this.tables.set(t, (rows = new Map()));
    rows.set(row.id, row);
  }
}

/** An error answer, thrown inside a handler (the worker's ApiFailure). */
interface Answer {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

class Failure extends Error {
  constructor(readonly answer: Answer) {
    super(answer.message);
  }
}

const isSyncTable = (t: string): t is SyncTable => t in SYNC_TABLES;

/**
 * Every organisation of the fake holds this vacancy, as if created before the tests' history
 * (read by push decisions only: it is in no change log, snapshot or pull): the applications of tests/unit/extension/helpers.ts
 * belong to it, and the server refuses an application whose vacancy it does not hold.
 */
export const FIXTURE_VACANCY_ID = '0190a000-0000-7000-8000-000000000001';
const FIXTURE_VACANCY: SyncRow = {
  ...newRow(FIXTURE_VACANCY_ID, '2026-01-05T09:00:00.000Z'),
  data: { id: FIXTURE_VACANCY_ID, title: 'Social worker, front door', teamIds: [], role: 'social_worker', posts: 1, mode: 'rolling', status: 'open' },
};

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

  constructor(users: FakeUser[] = [DEFAULT_USER]) {
    for (const u of users) this.addUser(u);
  }

  addUser(u: FakeUser): void {
    this.users.set(u.token, u);
  }

  /** The organisation's settings, as an admin would set them. */
  setSettings(settings: Partial<Settings>, orgId?: string): void {
    const o = this.org(orgId);
    o.settings = { ...o.settings, ...settings };
  }

  /** The organisation's users, by id (what the worker reads from its users table). */
  private people(orgId: string): PeopleLookup {
    const byId = new Map([...this.users.values()].filter((u) => u.orgId === orgId).map((u) => [u.userId, { role: u.role, active: true }]));
    return (id) => byId.get(id) ?? null;
  }

  private org(orgId = DEFAULT_USER.orgId): OrgState {
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
    const r = this.org(orgId).get(table, id);
    return r && !r.deleted ? r.data : null;
  }

  /** Every live record of the organisation, by `table:id`. */
  snapshot(orgId?: string): Map<string, Record<string, unknown>> {
    const out = new Map<string, Record<string, unknown>>();
    for (const [t, rows] of this.org(orgId).tables) for (const r of rows.values()) if (!r.deleted) out.set(`${t}:${r.id}`, r.data);
    return out;
  }

  isDeleted(table: SyncTable, id: string, orgId?: string): boolean {
    return this.org(orgId).get(table, id)?.deleted ?? false;
  }

  lastSeq(clientId: string, orgId?: string): number {
    return this.org(orgId).clients.get(clientId)?.lastSeq ?? 0;
  }

  applyCount(mutationId: string, orgId?: string): number {
    return this.org(orgId).applyCount.get(mutationId) ?? 0;
  }

  appliedIds(orgId?: string): ReadonlySet<string> {
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
    if (isSyncTable(table)) {
      const row = newRow(recordId, new Date(this.now()).toISOString());
      row.data = record ? { ...record } : { id: recordId };
      row.deleted = record === null;
      o.put(table, row);
    } else {
      o.extra.set(`${table}:${recordId}`, record);
    }
    return this.logChange(o, table, recordId);
  }

  /** A conflict the server recorded (pulled as a change of the `conflicts` table). */
  injectConflict(c: ConflictRecord, orgId?: string): number {
    const o = this.org(orgId);
    o.conflicts.set(c.id, c);
    return this.logChange(o, 'conflicts', c.id);
  }

  private logChange(o: OrgState, table: string, recordId: string): number {
    const seq = ++this.seq;
    o.log.push({ seq, table, recordId });
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
      response = errorResponse({ status: fault.status, code: fault.code ?? `fault_${fault.status}`, message: fault.message ?? `injected ${fault.status}`, details: fault.details });
    } else {
      response = this.handle(route, url, headerOf(init, 'authorization'), body);
    }
    logged.status = response.status;
    if (fault?.kind === 'drop-after') throw new TypeError('fetch failed (connection lost after the server answered)');
    return response;
  }) as typeof fetch;

  private handle(route: Route | 'other', url: URL, authorization: string | undefined, body: unknown): Response {
    try {
      if (route === 'other') throw fail(404, 'not_found', `No route ${url.pathname}`);
      const user = this.authenticate(authorization);
      if (route === 'me') {
        const me: MeResponse = {
          user: { id: user.userId, name: user.name, email: user.email, role: user.role },
          organisation: { id: user.orgId, name: user.orgName },
          settings: this.org(user.orgId).settings,
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
        const query = pullQuerySchema.safeParse(Object.fromEntries(url.searchParams));
        if (!query.success) throw invalidRequest('query string', query.error);
        return json(200, this.pull(user.orgId, query.data.cursor, query.data.limit, { userId: user.userId, role: user.role }, query.data.scope));
      }
      const tooOld = schemaVersionRefusal(body);
      if (tooOld) throw new Failure(tooOld);
      const parsed = pushRequestSchema.safeParse(body);
      if (!parsed.success) throw invalidRequest('request body', parsed.error);
      return json(200, this.push(user, parsed.data.clientId, parsed.data.mutations));
    } catch (err) {
      if (err instanceof Failure) return errorResponse(err.answer);
      throw err;
    }
  }

  private authenticate(authorization: string | undefined): FakeUser {
    if (!authorization) throw fail(401, 'missing_token', 'Send the header "Authorization: Bearer <token>"');
    const m = /^Bearer (.+)$/.exec(authorization);
    const user = m ? this.users.get(m[1]!) : undefined;
    if (!user) throw fail(401, 'invalid_token', 'This token is not recognised');
    return user;
  }

  // ---- push and pull: decided by shared/sync, stored here ------------------------------------

  /** Applies a client's mutations; all or nothing, like the worker's one D1 batch. */
  push(user: FakeUser, clientId: string, mutations: Mutation[]): PushResponse {
    const o = this.org(user.orgId);
    const sequenced = sequencePush(mutations, { userId: user.userId, state: o.clients.get(clientId) ?? null, appliedIds: o.appliedIds });
    if ('refusal' in sequenced) throw new Failure(sequenced.refusal);
    const { fresh, baseSeq, newLastSeq, skipped } = sequenced;
    if (sequenced.noop) return { lastSeq: baseSeq, applied: 0, skipped, conflicts: [] };
    const decision = decidePush({
      mutations: fresh,
      stored: o,
      nowMs: this.now(),
      caller: { userId: user.userId, role: user.role },
      people: this.people(user.orgId),
      settings: o.settings,
      checks: { issues: (m) => this.invalid.get(m.id) ?? [], refusal: (m) => this.forbidden.get(m.id) ?? null },
    });
    if ('refusal' in decision) throw new Failure(decision.refusal);
    const { plan } = decision;
    for (const { table, row } of plan.rows) o.put(table, row);
    for (const c of plan.conflicts) o.conflicts.set(c.id, c);
    for (const c of plan.changes) this.logChange(o, c.table, c.recordId);
    o.clients.set(clientId, { userId: user.userId, lastSeq: newLastSeq });
    for (const m of fresh) {
      o.appliedIds.add(m.id);
      o.applyCount.set(m.id, (o.applyCount.get(m.id) ?? 0) + 1);
    }
    return { lastSeq: newLastSeq, applied: plan.applied, skipped, conflicts: plan.conflicts };
  }

  /** A page after `cursor`; with a reader, as that reader may see it (need-to-know, shared/sync/scope.ts). */
  pull(orgId: string, cursor: number, limit: number, reader?: Reader, sentScope?: string): PullResponse {
    const o = this.org(orgId);
    const live = (t: SyncTable) => o.all(t).filter((r) => !r.deleted);
    const vacancies = reader
      ? vacancyScope(
          reader,
          mondayOf(new Date(this.now()).toISOString()),
          live('rota_slots').map((r) => r.data as unknown as ScopeSlot),
          live('teams').filter((r) => r.data.managerId === reader.userId).map((r) => r.id),
          live('vacancies').map((r) => ({ id: r.id, teamIds: (r.data.teamIds as string[] | undefined) ?? [] })),
        )
      : 'all';
    const data = (t: SyncTable) => live(t).map((r) => r.data as { id: string });
    const team = reader ? teamScope(reader, data('teams'), data('posts'), data('leavers')) : null;
    const fingerprint = reader && scopeFingerprint(reader, vacancies, team);
    if (reader && scopeChanged(cursor, sentScope, fingerprint!, reader)) throw new Failure(scopeChangedRefusal(fingerprint!));
    const after = o.log.filter((c) => c.seq > cursor).slice(0, limit + 1);
    const ahead = after.length === 0 && cursor > 0 ? cursorRefusal(cursor, o.log.at(-1)?.seq ?? 0) : null;
    if (ahead) throw new Failure(ahead);
    const page = pullPage(
      after.map((c) => ({ ...c, record: structuredClone(this.current(o, c.table, c.recordId)) })),
      cursor,
      limit,
    );
    if (!reader) return page;
    const lookup = {
      reader,
      seesApplication: (id: string) => {
        const app = o.get('applications', id);
        if (!app) return false;
        const decidedByReader = o.all('stage_events').some((e) => e.data.applicationId === id && e.data.by === reader.userId);
        const facts = { vacancyId: (app.data.vacancyId as string | undefined) ?? null, assignedTo: (app.data.assignedTo as string | undefined) ?? null, decidedByReader };
        return seesApplication(reader, vacancies, facts);
      },
      managesLeaver: (id: string) => managesLeaver(reader, team, id),
    };
    const changes = page.changes.map((c) => (c.record ? { ...c, record: scopedRecord(c.table, c.record, lookup) } : c));
    return { ...page, changes, scope: fingerprint! };
  }

  /** A record as it is now; null for a tombstone. */
  private current(o: OrgState, table: string, recordId: string): Record<string, unknown> | null {
    if (table === 'conflicts') return (o.conflicts.get(recordId) as unknown as Record<string, unknown> | undefined) ?? null;
    if (isSyncTable(table)) {
      const row = o.get(table, recordId);
      return row && !row.deleted ? row.data : null;
    }
    return o.extra.get(`${table}:${recordId}`) ?? null;
  }
}

export type PushRequestBody = { clientId: string; schemaVersion: number; mutations: Mutation[] };

/** The worker's 400 for a query or body its zod schema refuses (worker/src/middleware/validate.ts). */
function invalidRequest(where: string, error: Parameters<typeof describeIssues>[0]): Failure {
  const lines = describeIssues(error);
  return fail(400, 'invalid_request', `The ${where} is not valid: ${lines.join('; ')}`, lines);
}

const fail = (status: number, code: string, message: string, details?: unknown) => new Failure({ status, code, message, details });

/** The API's error body: `{ error: { code, message, details? } }`. */
function errorResponse({ status, code, message, details }: Answer): Response {
  return json(status, { error: details === undefined ? { code, message } : { code, message, details } });
}

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
