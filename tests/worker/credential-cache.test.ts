/// <reference types="vite/client" />
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CREDENTIAL_CACHE_MS, credentialCache } from '../../worker/src/auth/credential-cache';
import { hashToken } from '../../worker/src/auth/tokens';
import app from '../../worker/src/index';
import { call, createToken, createUser, setupOrg } from './helpers';

/**
 * The per-isolate credential cache (worker/src/auth/credential-cache.ts): a change made through
 * the API applies from the very next request in this isolate, even to a token it has cached; a
 * change made behind its back (another isolate, SQL on D1) applies within CREDENTIAL_CACHE_MS.
 * Every token below is used once first, so it is in the cache when the change happens.
 */
const tokenIdOf = async (orgId: string, userId: string) =>
  (await env.DB.prepare('SELECT id FROM credentials WHERE org_id = ?1 AND user_id = ?2').bind(orgId, userId).first<{ id: string }>())!.id;

/** D1 statements a request makes, counted through a wrapped binding. */
async function lookUpsOf(path: string, token: string): Promise<{ status: number; credentialReads: number }> {
  let credentialReads = 0;
  const db = new Proxy(env.DB, {
    get(target, key) {
      if (key === 'prepare')
        return (sql: string) => {
          if (/FROM credentials c JOIN users/.test(sql)) credentialReads++;
          return target.prepare(sql);
        };
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const r = await app.request(path, { headers: { Authorization: `Bearer ${token}` } }, { ...env, DB: db });
  return { status: r.status, credentialReads };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('credential cache', () => {
  it('looks a token up in D1 once, then answers from memory until the bound', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const org = await setupOrg();
    expect(await lookUpsOf('/v1/me', org.tokens.central)).toEqual({ status: 200, credentialReads: 1 });
    expect(await lookUpsOf('/v1/me', org.tokens.central)).toEqual({ status: 200, credentialReads: 0 });
    vi.setSystemTime(Date.now() + CREDENTIAL_CACHE_MS);
    expect(await lookUpsOf('/v1/me', org.tokens.central)).toEqual({ status: 200, credentialReads: 1 });
  });

  it('does not keep a refused token: it is looked up again each time', async () => {
    const org = await setupOrg();
    await call('POST', '/v1/me/sign-out', org.tokens.coordinator);
    expect(await lookUpsOf('/v1/me', org.tokens.coordinator)).toEqual({ status: 401, credentialReads: 1 });
    expect(await lookUpsOf('/v1/me', org.tokens.coordinator)).toEqual({ status: 401, credentialReads: 1 });
  });

  it('refuses a cached token at once after sign-out, an admin revoking it, or deactivation', async () => {
    const org = await setupOrg();
    for (const role of ['coordinator', 'central', 'manager'] as const) expect((await call('GET', '/v1/me', org.tokens[role])).status).toBe(200);

    expect((await call('POST', '/v1/me/sign-out', org.tokens.coordinator)).status).toBe(200);
    expect((await call('GET', '/v1/sync/pull', org.tokens.coordinator)).body.error.code).toBe('token_revoked');

    expect((await call('DELETE', `/v1/admin/tokens/${await tokenIdOf(org.orgId, org.users.central)}`, org.tokens.admin)).status).toBe(200);
    expect((await call('GET', '/v1/sync/pull', org.tokens.central)).body.error.code).toBe('token_revoked');

    expect((await call('PATCH', `/v1/admin/people/${org.users.manager}`, org.tokens.admin, { active: false })).status).toBe(200);
    const r = await call('GET', '/v1/sync/pull', org.tokens.manager);
    expect(r.status).toBe(401);
  });

  it('applies a role change at once to a cached token', async () => {
    const org = await setupOrg();
    const second = await createUser(org.orgId, 'admin', 'Second admin');
    const secondToken = await createToken(org.orgId, second);
    expect((await call('GET', '/v1/me', org.tokens.central)).body.user.role).toBe('central');
    expect((await call('GET', '/v1/admin/users', secondToken)).status).toBe(200);
    expect((await call('PATCH', `/v1/admin/users/${org.users.central}`, org.tokens.admin, { role: 'manager' })).status).toBe(200);
    expect((await call('PATCH', `/v1/admin/users/${second}`, org.tokens.admin, { role: 'coordinator' })).status).toBe(200);
    expect((await call('GET', '/v1/me', org.tokens.central)).body.user.role).toBe('manager');
    expect((await call('GET', '/v1/admin/users', secondToken)).status).toBe(403);
  });

  it('refuses a change made behind its back (another isolate, SQL on D1) within the stated bound', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const org = await setupOrg();
    expect((await call('GET', '/v1/me', org.tokens.central)).status).toBe(200);
    await env.DB.prepare('UPDATE credentials SET revoked_at = ?1 WHERE token_hash = ?2').bind(new Date().toISOString(), await hashToken(org.tokens.central)).run();
    // Still accepted from this isolate's memory, as another isolate's cache would: that is the trade-off.
    vi.setSystemTime(Date.now() + CREDENTIAL_CACHE_MS - 1);
    expect((await call('GET', '/v1/me', org.tokens.central)).status).toBe(200);
    vi.setSystemTime(Date.now() + 1);
    expect((await call('GET', '/v1/me', org.tokens.central)).body.error.code).toBe('token_revoked');
  });

  it('checks expiry on every request, from the cached row too', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const org = await setupOrg();
    const fiveSeconds = await createToken(org.orgId, org.users.central, 5 / 86_400);
    expect(await lookUpsOf('/v1/me', fiveSeconds)).toEqual({ status: 200, credentialReads: 1 });
    vi.setSystemTime(Date.now() + 5_000);
    const r = await call('GET', '/v1/me', fiveSeconds);
    expect(r.body.error.code).toBe('token_expired');
    expect(5_000).toBeLessThan(CREDENTIAL_CACHE_MS); // so the refusal above came from the cached row
  });

  it('forgets only the organisation whose users or tokens changed', async () => {
    const a = await setupOrg();
    const b = await setupOrg();
    expect(await lookUpsOf('/v1/me', a.tokens.central)).toMatchObject({ credentialReads: 1 });
    expect(await lookUpsOf('/v1/me', b.tokens.central)).toMatchObject({ credentialReads: 1 });
    expect((await call('POST', '/v1/me/sign-out', a.tokens.coordinator)).status).toBe(200);
    expect(await lookUpsOf('/v1/me', a.tokens.central)).toMatchObject({ status: 200, credentialReads: 1 });
    expect(await lookUpsOf('/v1/me', b.tokens.central)).toMatchObject({ status: 200, credentialReads: 0 });
    credentialCache.clear();
  });
});

/**
 * index.ts forgets cached credentials after writes under /v1/admin and /v1/me only: every
 * statement that changes a user or a token must live in a route served there. New tokens
 * (INSERT INTO credentials) need nothing: a token not yet used is in no cache.
 */
describe('the statements that change users or tokens', () => {
  const sources = import.meta.glob('../../worker/src/**/*.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
  const SERVED_UNDER_ADMIN_OR_ME = ['routes/admin.ts', 'routes/people-admin.ts', 'routes/me.ts'];
  const CHANGES = /\b(UPDATE\s+(users|credentials)\b|DELETE\s+FROM\s+(users|credentials)\b)/i;

  it('are all in routes under /v1/admin or /v1/me (besides the last-seen write)', () => {
    const files = Object.entries(sources).filter(([, text]) => CHANGES.test(text.replace(/UPDATE credentials SET last_used_at/g, '')));
    expect(files.length).toBeGreaterThan(0);
    for (const [file] of files) expect(SERVED_UNDER_ADMIN_OR_ME.some((f) => file.endsWith(`worker/src/${f}`)), file).toBe(true);
  });

  it('are served under /v1/admin and /v1/me', () => {
    const writes = app.routes.filter((r) => !['GET', 'HEAD', 'OPTIONS', 'ALL'].includes(r.method));
    for (const path of ['/v1/admin/users/:id', '/v1/admin/tokens/:id', '/v1/admin/people/:id', '/v1/me/sign-out']) {
      expect(writes.some((r) => r.path === path)).toBe(true);
    }
  });
});
