import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import app from '../../worker/src/index';
import { call, createUser, setupOrg } from './helpers';
import { countingDb, snapshot } from './security-support';

/** Issue 11, the token and the server: each test here failed before its fix. */

const audit = (orgId: string) =>
  env.DB.prepare('SELECT action, tbl, record_id FROM audit_log WHERE org_id = ?1 ORDER BY id').bind(orgId).all<{ action: string; tbl: string; record_id: string }>();

describe('sign-out revokes the token on the server', () => {
  it('POST /v1/me/sign-out revokes the calling token only, and audits it', async () => {
    const org = await setupOrg();
    const r = await call('POST', '/v1/me/sign-out', org.tokens.coordinator);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ signedOut: true, revokedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    const after = await call('GET', '/v1/me', org.tokens.coordinator);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('token_revoked');
    expect((await call('GET', '/v1/me', org.tokens.manager)).status).toBe(200);
    expect((await audit(org.orgId)).results.map((a) => a.action)).toEqual(['sign_out']);
    // A second sign-out with the same token is refused like any other use of a revoked token.
    expect((await call('POST', '/v1/me/sign-out', org.tokens.coordinator)).status).toBe(401);
  });
});

describe('deactivation ends tokens for good', () => {
  it('reactivating a user does not revive the tokens they had', async () => {
    const org = await setupOrg();
    const off = await call('PATCH', `/v1/admin/users/${org.users.manager}`, org.tokens.admin, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.user.tokens.every((t: { revokedAt: string | null }) => t.revokedAt !== null)).toBe(true);
    const on = await call('PATCH', `/v1/admin/users/${org.users.manager}`, org.tokens.admin, { active: true });
    expect(on.status).toBe(200);
    const r = await call('GET', '/v1/me', org.tokens.manager);
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('token_revoked');
    // A token issued after reactivation works.
    const t = await call('POST', `/v1/admin/users/${org.users.manager}/tokens`, org.tokens.admin, { days: 5 });
    expect((await call('GET', '/v1/me', t.body.token)).status).toBe(200);
  });
});

describe('the last admin stays', () => {
  it('the only active admin can be neither demoted nor deactivated; nothing changes', async () => {
    const org = await setupOrg();
    const before = await snapshot(env.DB);
    for (const body of [{ role: 'central' }, { active: false }, { role: 'manager', name: 'Renamed' }]) {
      const r = await call('PATCH', `/v1/admin/users/${org.users.admin}`, org.tokens.admin, body);
      expect(r.status, JSON.stringify(r.body)).toBe(409);
      expect(r.body.error.code).toBe('last_admin');
      expect(r.body.error.message).toMatch(/last active admin/);
    }
    expect(await snapshot(env.DB)).toEqual(before);
    // Renaming the last admin, or keeping the role, is fine.
    expect((await call('PATCH', `/v1/admin/users/${org.users.admin}`, org.tokens.admin, { name: 'Still Admin', role: 'admin' })).status).toBe(200);
  });

  it('with a second active admin, one may step down', async () => {
    const org = await setupOrg();
    const second = await createUser(org.orgId, 'admin', 'Second Admin');
    const inactiveAdmin = await createUser(org.orgId, 'admin', 'Gone Admin', false);
    void inactiveAdmin;
    const r = await call('PATCH', `/v1/admin/users/${org.users.admin}`, org.tokens.admin, { role: 'central' });
    expect(r.status).toBe(200);
    // Now `second` is the last active one (the inactive admin does not count).
    const s = await env.DB.prepare('SELECT count(*) AS n FROM users WHERE org_id = ?1 AND role = ?2 AND active = 1').bind(org.orgId, 'admin').first<{ n: number }>();
    expect(s!.n).toBe(1);
    void second;
  });
});

describe('admin changes and their audit rows are written together', () => {
  const ADMIN_WRITES: Array<{ name: string; run: (org: Awaited<ReturnType<typeof setupOrg>>, token: string) => [string, string, unknown?] }> = [
    { name: 'create user', run: () => ['POST', '/v1/admin/users', { name: 'New Person', email: `new.${crypto.randomUUID()}@council.gov.uk`, role: 'manager' }] },
    { name: 'update user', run: (org) => ['PATCH', `/v1/admin/users/${org.users.manager}`, { active: false }] },
    { name: 'issue token', run: (org) => ['POST', `/v1/admin/users/${org.users.manager}/tokens`, { days: 10 }] },
    { name: 'revoke token', run: (_org, tokenId) => ['DELETE', `/v1/admin/tokens/${tokenId}`] },
    { name: 'settings', run: () => ['PUT', '/v1/admin/settings', { division: 'scotland' }] },
    { name: 'sign out', run: () => ['POST', '/v1/me/sign-out'] },
  ];
  for (const w of ADMIN_WRITES) {
    it(`${w.name}: every write is inside one db.batch() that carries the audit row`, async () => {
      const org = await setupOrg();
      const tokenId = (await env.DB.prepare('SELECT id FROM credentials WHERE org_id = ?1 AND user_id = ?2').bind(org.orgId, org.users.coordinator).first<{ id: string }>())!.id;
      const [method, path, body] = w.run(org, tokenId);
      const db = countingDb(env.DB);
      const bearer = w.name === 'sign out' ? org.tokens.central : org.tokens.admin;
      const init: RequestInit = { method, headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' } };
      if (body !== undefined) init.body = JSON.stringify(body);
      const r = await app.request(path, init, { ...env, DB: db.binding });
      expect(r.status, await r.clone().text()).toBeLessThan(300);
      // last_used_at is bookkeeping of the credential (waitUntil), not an admin change.
      const loose = db.writesOutsideBatch.filter((sql) => !/SET last_used_at/.test(sql));
      expect(loose).toEqual([]);
      const auditing = db.batches.filter((b) => b.some((sql) => /INSERT INTO audit_log/.test(sql)));
      expect(auditing).toHaveLength(1);
      expect(db.batches.filter((b) => b.some(isWrite))).toEqual(auditing);
    });
  }
});

const isWrite = (sql: string) => /^\s*(INSERT|UPDATE|DELETE)\b/i.test(sql);

describe('unauthenticated requests are limited before any D1 query', () => {
  it('after too many failed token look-ups from one address, the next is refused without touching D1', async () => {
    const db = countingDb(env.DB);
    const limited = { ...env, DB: db.binding, AUTH_FAILURES_PER_MINUTE: '3' };
    const ip = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
    const attempt = (addr = ip) => app.request('/v1/me', { headers: { Authorization: 'Bearer sl_guess', 'CF-Connecting-IP': addr } }, limited);
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const queriesBefore = db.prepared.length;
    const r = await attempt();
    expect(r.status).toBe(429);
    expect(r.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect(await r.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/failed sign-ins from your network/) } });
    expect(db.prepared.length).toBe(queriesBefore);
    // Another address is not affected.
    expect((await attempt('198.51.100.7')).status).toBe(401);
  });

  it('/health (no token, one D1 query) is limited per address before its query', async () => {
    const db = countingDb(env.DB);
    const limited = { ...env, DB: db.binding, UNAUTHENTICATED_PER_MINUTE: '2' };
    const ip = `192.0.2.${Math.floor(Math.random() * 200) + 1}`;
    const get = () => app.request('/health', { headers: { 'CF-Connecting-IP': ip } }, limited);
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(200);
    const before = db.prepared.length;
    const r = await get();
    expect(r.status).toBe(429);
    expect(db.prepared.length).toBe(before);
  });
});

describe('CORS names the extension once its id is known', () => {
  it('with EXTENSION_ORIGINS set, only those extension origins are allowed', async () => {
    const pinned = { ...env, EXTENSION_ORIGINS: 'chrome-extension://ourextensionidaaaaaaaaaaaaaaaaaaa' };
    const ask = (origin: string) => app.request('/health', { headers: { Origin: origin } }, pinned);
    expect((await ask('chrome-extension://ourextensionidaaaaaaaaaaaaaaaaaaa')).headers.get('access-control-allow-origin')).toBe(
      'chrome-extension://ourextensionidaaaaaaaaaaaaaaaaaaa',
    );
    expect((await ask('chrome-extension://someotherextensionbbbbbbbbbbbbbb')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await ask('moz-extension://1234-abcd')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('migration 0003 revokes the tokens of users already deactivated', () => {
  it('its revocation statement, run on a deactivated user with a live token, revokes it and nothing else', async () => {
    const org = await setupOrg();
    await env.DB.prepare('UPDATE users SET active = 0 WHERE id = ?1').bind(org.users.manager).run();
    expect((await call('GET', '/v1/me', org.tokens.manager)).body.error.code).toBe('user_inactive');
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0003_'));
    const revoke = migration!.queries.find((q) => /^\s*UPDATE credentials/i.test(q.replace(/^(\s*--[^\n]*\n)+/, '')));
    expect(revoke).toBeDefined();
    await env.DB.prepare(revoke!).run();
    await env.DB.prepare('UPDATE users SET active = 1 WHERE id = ?1').bind(org.users.manager).run();
    expect((await call('GET', '/v1/me', org.tokens.manager)).body.error.code).toBe('token_revoked');
    expect((await call('GET', '/v1/me', org.tokens.coordinator)).status).toBe(200);
  });
});
