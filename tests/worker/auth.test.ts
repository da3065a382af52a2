import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, createOrg, createToken, createUser, setupOrg } from './helpers';
import { hashToken } from '../../worker/src/auth/tokens';

describe('bearer authentication', () => {
  it('answers /v1/me with the user, organisation, settings and expiry', async () => {
    const org = await setupOrg('Herefordshire Council');
    const r = await call('GET', '/v1/me', org.tokens.manager);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      user: { id: org.users.manager, role: 'manager' },
      organisation: { id: org.orgId, name: 'Herefordshire Council' },
      settings: { division: 'england-and-wales', shortlistWorkingDays: 5 },
    });
    expect(Date.parse(r.body.tokenExpiresAt)).toBeGreaterThan(Date.now());
  });

  it('refuses a missing, malformed or unknown token with 401 and what to do', async () => {
    const none = await call('GET', '/v1/me');
    expect(none.status).toBe(401);
    expect(none.body.error).toMatchObject({ code: 'missing_token' });
    expect(none.body.error.message).toMatch(/Authorization: Bearer/);
    const basic = await call('GET', '/v1/me', null, undefined, { Authorization: 'Basic abc' });
    expect(basic.body.error.code).toBe('malformed_authorization');
    const unknown = await call('GET', '/v1/me', 'sl_notarealtoken');
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('invalid_token');
  });

  it('refuses an expired token, saying when it expired', async () => {
    const orgId = await createOrg();
    const u = await createUser(orgId, 'coordinator');
    const token = await createToken(orgId, u, -1);
    const r = await call('GET', '/v1/sync/pull', token);
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('token_expired');
    expect(r.body.error.message).toMatch(/^This token expired on \d{4}-\d{2}-\d{2}; ask your admin for a new one$/);
  });

  it('refuses a revoked token, and a deactivated user', async () => {
    const org = await setupOrg();
    const hash = await hashToken(org.tokens.central);
    await env.DB.prepare('UPDATE credentials SET revoked_at = ?1 WHERE token_hash = ?2').bind('2026-01-05T10:00:00.000Z', hash).run();
    const r = await call('GET', '/v1/me', org.tokens.central);
    expect(r.status).toBe(401);
    expect(r.body.error).toEqual({ code: 'token_revoked', message: 'This token was revoked on 2026-01-05; ask your admin for a new one' });
    await env.DB.prepare('UPDATE users SET active = 0 WHERE id = ?1').bind(org.users.manager).run();
    const m = await call('GET', '/v1/me', org.tokens.manager);
    expect(m.status).toBe(401);
    expect(m.body.error.code).toBe('user_inactive');
  });

  it('stores only the SHA-256 of a token, and records last use', async () => {
    const org = await setupOrg();
    const { results } = await env.DB.prepare('SELECT token_hash, prefix, last_used_at FROM credentials WHERE org_id = ?1').bind(org.orgId).all<Record<string, string>>();
    for (const row of results) {
      expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(Object.values(org.tokens)).not.toContain(row.token_hash);
    }
    // the same vector as scripts/admin.mjs (node:crypto): sha256("sl_test")
    expect(await hashToken('sl_test')).toBe('109e6b0feab076eabb286c367634c9682b82f7c51f54f993b2d60f7223e35349');
    await call('GET', '/v1/me', org.tokens.admin);
    const used = await env.DB.prepare('SELECT last_used_at FROM credentials WHERE token_hash = ?1').bind(await hashToken(org.tokens.admin)).first<{ last_used_at: string }>();
    expect(used!.last_used_at).toBeTruthy();
  });
});
