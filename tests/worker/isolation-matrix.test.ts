import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { application, call, createToken, createUser, id, setupOrg, stageEvent, TestClient, vacancy, type Role, type TestOrg } from './helpers';
import { snapshot } from './security-support';

/**
 * Issue 11, isolation matrix: every endpoint × {other organisation, revoked token, expired
 * token, deactivated user, each role without the right}. Each cell checks that nothing was
 * read (the answer carries none of the victim organisation's data: only an error, or the
 * caller's own organisation) and nothing was changed (the whole database compared before and
 * after; for a caller writing its own organisation, every row of the victim's).
 */

interface World {
  a: TestOrg;
  b: TestOrg;
  /** Org A's records and the strings that would show a leak. */
  vacancyId: string;
  applicationId: string;
  tokenIdOfA: string;
  markers: string[];
  /** Tokens of org A whose credential no longer works, for a role that would otherwise be allowed. */
  dead: Record<'revoked' | 'expired' | 'deactivated', Record<'admin' | 'coordinator', string>>;
}

interface Endpoint {
  name: string;
  method: string;
  path: (w: World) => string;
  body?: (w: World) => unknown;
  /** Roles refused by the route (403). */
  refused: Role[];
  /** The credential a cell uses when it needs one that would be allowed. */
  allowed: 'admin' | 'coordinator';
}

const ENDPOINTS: Endpoint[] = [
  { name: 'GET /v1/me', method: 'GET', path: () => '/v1/me', refused: [], allowed: 'coordinator' },
  { name: 'POST /v1/me/sign-out', method: 'POST', path: () => '/v1/me/sign-out', refused: [], allowed: 'coordinator' },
  { name: 'GET /v1/people', method: 'GET', path: () => '/v1/people', refused: [], allowed: 'coordinator' },
  { name: 'GET /v1/reports/summary', method: 'GET', path: () => '/v1/reports/summary', refused: [], allowed: 'coordinator' },
  { name: 'GET /v1/sync/pull', method: 'GET', path: () => '/v1/sync/pull?cursor=0', refused: [], allowed: 'coordinator' },
  {
    name: 'POST /v1/sync/push',
    method: 'POST',
    path: () => '/v1/sync/push',
    body: (w) => {
      const c = new TestClient('');
      return { clientId: c.clientId, schemaVersion: 1, mutations: [c.upsert('applications', w.applicationId, application(w.vacancyId, { name: 'Overwritten' }))] };
    },
    refused: ['admin'],
    allowed: 'coordinator',
  },
  { name: 'GET /v1/admin/users', method: 'GET', path: () => '/v1/admin/users', refused: ['central', 'coordinator', 'manager'], allowed: 'admin' },
  {
    name: 'POST /v1/admin/users',
    method: 'POST',
    path: () => '/v1/admin/users',
    body: () => ({ name: 'Intruder', email: `intruder.${id().slice(-8)}@example.org`, role: 'admin' }),
    refused: ['central', 'coordinator', 'manager'],
    allowed: 'admin',
  },
  { name: 'PATCH /v1/admin/users/:id', method: 'PATCH', path: (w) => `/v1/admin/users/${w.a.users.manager}`, body: () => ({ role: 'admin' }), refused: ['central', 'coordinator', 'manager'], allowed: 'admin' },
  { name: 'POST /v1/admin/users/:id/tokens', method: 'POST', path: (w) => `/v1/admin/users/${w.a.users.manager}/tokens`, body: () => ({ days: 30 }), refused: ['central', 'coordinator', 'manager'], allowed: 'admin' },
  { name: 'DELETE /v1/admin/tokens/:id', method: 'DELETE', path: (w) => `/v1/admin/tokens/${w.tokenIdOfA}`, refused: ['central', 'coordinator', 'manager'], allowed: 'admin' },
  { name: 'PUT /v1/admin/settings', method: 'PUT', path: () => '/v1/admin/settings', body: () => ({ division: 'scotland' }), refused: ['central', 'coordinator', 'manager'], allowed: 'admin' },
  { name: 'GET /v1/admin/export', method: 'GET', path: (w) => `/v1/admin/export?applicationId=${w.applicationId}`, refused: ['central', 'coordinator', 'manager'], allowed: 'admin' },
  { name: 'GET /v1/admin/people', method: 'GET', path: () => '/v1/admin/people', refused: ['central', 'coordinator', 'manager'], allowed: 'admin' },
  { name: 'POST /v1/admin/people', method: 'POST', path: () => '/v1/admin/people', body: () => ({ name: 'Matrix Person', email: `matrix.${id()}@example.gov.uk`, role: 'manager' }), refused: ['central', 'coordinator', 'manager'], allowed: 'admin' },
  { name: 'PATCH /v1/admin/people/:id', method: 'PATCH', path: (w) => `/v1/admin/people/${w.a.users.manager}`, body: () => ({ role: 'coordinator' }), refused: ['central', 'coordinator', 'manager'], allowed: 'admin' },
  { name: 'POST /v1/admin/people/:id/invitations', method: 'POST', path: (w) => `/v1/admin/people/${w.a.users.manager}/invitations`, refused: ['central', 'coordinator', 'manager'], allowed: 'admin' },
  { name: 'PATCH /v1/admin/organisation', method: 'PATCH', path: () => '/v1/admin/organisation', body: () => ({ name: 'Renamed Council' }), refused: ['central', 'coordinator', 'manager'], allowed: 'admin' },
  { name: 'POST /v1/admin/erase', method: 'POST', path: () => '/v1/admin/erase', body: (w) => ({ applicationId: w.applicationId }), refused: ['central', 'coordinator', 'manager'], allowed: 'admin' },
  { name: 'GET /v1/admin/erasures/:id', method: 'GET', path: (w) => `/v1/admin/erasures/${w.applicationId}`, refused: ['central', 'coordinator', 'manager'], allowed: 'admin' },
  { name: 'GET /v1/admin/subject-access', method: 'GET', path: () => '/v1/admin/subject-access?email=marker-a@example.com', refused: ['central', 'coordinator', 'manager'], allowed: 'admin' },
  { name: 'GET /v1/admin/audit', method: 'GET', path: (w) => `/v1/admin/audit?table=applications&recordId=${w.applicationId}`, refused: ['coordinator', 'manager'], allowed: 'admin' },
];

let w: World;
/** One address per test file, so the failed-sign-in limit (per address) is not this suite's subject. */
// Each request from an address of its own: the matrix refuses more sign-ins than the per-address
// limit allows in a minute, and a 429 would hide the answer each cell is about.
let addresses = 0;
const address = () => ({ 'CF-Connecting-IP': `2001:db8:1::${(++addresses).toString(16)}` });
const send = (e: Endpoint, token: string) => call(e.method, e.path(w), token, e.body?.(w), address());
/**
 * Each other-organisation cell runs in an organisation of its own, so what one cell wrote there
 * (a push naming org A's ids, a sign-out) does not colour the next.
 */
const otherOrgToken = async (e: Endpoint) => (await setupOrg('Otherborough Council')).tokens[e.allowed];

beforeAll(async () => {
  const a = await setupOrg('Victimshire Council');
  const b = await setupOrg('Otherborough Council');
  const vacancyId = id();
  const applicationId = id();
  const ca = new TestClient(a.tokens.coordinator);
  const pushed = await ca.push([
    ca.upsert('vacancies', vacancyId, vacancy({ title: 'Marker-A vacancy' })),
    ca.upsert('applications', applicationId, application(vacancyId, { name: 'Marker-A Candidate', email: 'marker-a@example.com' })),
    ca.upsert('stage_events', id(), stageEvent(applicationId, a.users.coordinator)),
  ]);
  expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
  const cb = new TestClient(b.tokens.coordinator);
  expect((await cb.push([cb.upsert('vacancies', id(), vacancy({ title: 'B vacancy' }))])).status).toBe(200);
  const tokenIdOfA = (await env.DB.prepare('SELECT id FROM credentials WHERE org_id = ?1 AND user_id = ?2').bind(a.orgId, a.users.manager).first<{ id: string }>())!.id;

  const dead = { revoked: {}, expired: {}, deactivated: {} } as World['dead'];
  for (const role of ['admin', 'coordinator'] as const) {
    // Revoked: a working user whose token was revoked.
    const revokedUser = await createUser(a.orgId, role, `Revoked ${role}`);
    dead.revoked[role] = await createToken(a.orgId, revokedUser);
    await env.DB.prepare('UPDATE credentials SET revoked_at = ?1 WHERE user_id = ?2').bind(new Date().toISOString(), revokedUser).run();
    const expiredUser = await createUser(a.orgId, role, `Expired ${role}`);
    dead.expired[role] = await createToken(a.orgId, expiredUser, -1);
    // Deactivated directly in D1 with its token left unrevoked: the user check alone must hold.
    const goneUser = await createUser(a.orgId, role, `Gone ${role}`);
    dead.deactivated[role] = await createToken(a.orgId, goneUser);
    await env.DB.prepare('UPDATE users SET active = 0 WHERE id = ?1').bind(goneUser).run();
  }
  const markers = [a.orgId, 'Victimshire', 'Marker-A', 'marker-a@example.com', vacancyId, applicationId, tokenIdOfA, ...Object.values(a.users)];
  w = { a, b, vacancyId, applicationId, tokenIdOfA, markers, dead };
});

/** The answer is an error and nothing else, and names none of org A's data (beyond what the caller sent). */
function expectOnlyError(r: { status: number; body: any }, status: number, sent = '') {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(Object.keys(r.body)).toEqual(['error']);
  expect(typeof r.body.error.code).toBe('string');
  expect(typeof r.body.error.message).toBe('string');
  expectNoLeak(r.body, sent);
}

function expectNoLeak(body: unknown, sent = '') {
  const text = JSON.stringify(body);
  for (const m of w.markers) if (!sent.includes(m)) expect(text, `leaked ${m}`).not.toContain(m);
}

const sentText = (e: Endpoint) => e.path(w) + JSON.stringify(e.body?.(w) ?? null);

/** Org A's rows in every table, to compare around a request made in another organisation. */
async function rowsOfA(): Promise<Record<string, unknown[]>> {
  const all = await snapshot(env.DB);
  const out: Record<string, unknown[]> = {};
  for (const [t, rows] of Object.entries(all)) out[t] = rows.filter((r) => String(r).includes(w.a.orgId));
  return out;
}

describe.each(ENDPOINTS)('$name', (e) => {
  for (const kind of ['revoked', 'expired', 'deactivated'] as const) {
    it(`${kind} credential: 401, nothing read, nothing changed`, async () => {
      const before = await snapshot(env.DB);
      const r = await send(e, w.dead[kind][e.allowed]);
      expectOnlyError(r, 401);
      expect(r.body.error.code).toBe({ revoked: 'token_revoked', expired: 'token_expired', deactivated: 'user_inactive' }[kind]);
      expect(await snapshot(env.DB)).toEqual(before);
    });
  }

  for (const role of e.refused) {
    it(`role ${role} (without the right): 403, nothing read, nothing changed`, async () => {
      const before = await snapshot(env.DB);
      const r = await send(e, w.a.tokens[role]);
      // The refusal may repeat the path the caller sent, nothing more.
      expectOnlyError(r, 403, sentText(e));
      expect(await snapshot(env.DB)).toEqual(before);
    });
  }

  it('another organisation: nothing of org A read, nothing of org A changed', async () => {
    const before = await rowsOfA();
    const r = await send(e, await otherOrgToken(e));
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(500);
    expectNoLeak(r.body, sentText(e));
    expect(await rowsOfA()).toEqual(before);
  });
});

it('the matrix covers every /v1 route the worker documents', async () => {
  const doc = await call('GET', '/openapi.json');
  const documented = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)
    .filter(([p]) => p.startsWith('/v1/'))
    // Routes documented without a token (security: [], e.g. redeeming an invitation) have no credential to vary.
    .flatMap(([p, ops]) => Object.entries(ops as Record<string, { security?: unknown[] }>).filter(([, op]) => op.security?.length !== 0).map(([m]) => `${m.toUpperCase()} ${p.replace(/\{id\}/g, ':id')}`));
  expect(ENDPOINTS.map((e) => e.name).sort()).toEqual(documented.sort());
});
