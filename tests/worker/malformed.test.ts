import { describe, expect, it } from 'vitest';
import { call, id, setupOrg, team, TestClient } from './helpers';

describe('malformed requests get a 4xx JSON error a person can act on', () => {
  it('unknown route: 404 JSON', async () => {
    const r = await call('GET', '/nope');
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: 'not_found' });
    expect(r.body.error.message).toMatch(/openapi\.json/);
  });

  it('body that is not JSON', async () => {
    const org = await setupOrg();
    const r = await call('POST', '/v1/sync/push', org.tokens.central, '{not json');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_json');
  });

  const cases: [string, (c: TestClient) => unknown, RegExp][] = [
    ['no mutations field', (c) => ({ clientId: c.clientId, schemaVersion: 1 }), /mutations: /],
    ['bad clientId', () => ({ clientId: 'x', schemaVersion: 1, mutations: [] }), /clientId: must be 8 to 64 letters/],
    ['unknown table', (c) => ({ clientId: c.clientId, schemaVersion: 1, mutations: [{ ...c.upsert('teams', id(), team()), table: 'users' }] }), /table: must be one of teams/],
    ['bad hlc', (c) => ({ clientId: c.clientId, schemaVersion: 1, mutations: [{ ...c.upsert('teams', id(), team()), hlc: 'yesterday' }] }), /hlc: must be a hybrid logical clock/],
    ['bad record id', (c) => ({ clientId: c.clientId, schemaVersion: 1, mutations: [{ ...c.upsert('teams', id(), team()), recordId: '42' }] }), /recordId: must be a UUID/],
    ['too many mutations', (c) => ({ clientId: c.clientId, schemaVersion: 1, mutations: Array.from({ length: 1001 }, () => c.upsert('teams', id(), team())) }), /at most 1000 mutations per push/],
  ];
  for (const [name, build, message] of cases) {
    it(`push: ${name}`, async () => {
      const org = await setupOrg();
      const c = new TestClient(org.tokens.central);
      const r = await call('POST', '/v1/sync/push', org.tokens.central, build(c));
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('invalid_request');
      expect(r.body.error.message).toMatch(message);
    });
  }

  it('push: a check with no words of its own reads in zod’s English (the worker configures it: shared/schema/english.ts)', async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.central);
    const r = await call('POST', '/v1/sync/push', org.tokens.central, { clientId: c.clientId, schemaVersion: 1 });
    expect(r.status).toBe(400);
    expect(r.body.error.details).toEqual(['mutations: Invalid input: expected array, received undefined']);
  });

  it('push: field-level problems name the mutation and the field', async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.central);
    const t = id();
    await c.push([c.upsert('teams', t, team())]);
    const cases = [
      [c.upsert('teams', t, { type: 'castle' }), /type: must be one of front_door/],
      [c.upsert('teams', t, { colour: 'red' }), /colour: is not a field of teams/],
      [c.upsert('teams', t, {}), /fields: an upsert needs at least one field/],
      [c.upsert('teams', id(), { name: 'Only a name' }), /type: .*is required \(a new record needs all its required fields\)/],
      [c.mutation('teams', 'erase', t), /erase applies to applications and staff only/],
    ] as const;
    for (const [m, why] of cases) {
      c.seq = 1;
      const r = await c.push([{ ...m, seq: 2 }]);
      expect(r.status, String(why)).toBe(400);
      expect(r.body.error.code).toBe('invalid_mutations');
      expect(r.body.error.message).toMatch(why);
      expect(r.body.error.message).toContain(m.id);
    }
  });

  it('push: duplicate sequence numbers', async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.central);
    const m = c.upsert('teams', id(), team());
    const r = await c.push([m, { ...c.upsert('teams', id(), team()), seq: m.seq }]);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/Two mutations carry sequence 1/);
  });

  it('body over 2 MB: 413 JSON', async () => {
    const org = await setupOrg();
    const r = await call('POST', '/v1/sync/push', org.tokens.central, JSON.stringify({ pad: 'x'.repeat(2_200_000) }));
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({ code: 'payload_too_large' });
    expect(r.body.error.message).toMatch(/larger than 2 MB/);
  });

  it('admin: invalid user, token days, settings', async () => {
    const org = await setupOrg();
    const u = await call('POST', '/v1/admin/users', org.tokens.admin, { name: 'X', email: 'not-an-email', role: 'boss' });
    expect(u.status).toBe(400);
    expect(u.body.error.message).toMatch(/email: must be an email address/);
    expect(u.body.error.message).toMatch(/role: must be one of admin, central, coordinator, manager/);
    const t = await call('POST', `/v1/admin/users/${org.users.central}/tokens`, org.tokens.admin, { days: 0 });
    expect(t.body.error.message).toMatch(/days: must be at least 1 day/);
    const s = await call('PUT', '/v1/admin/settings', org.tokens.admin, { shortlistWorkingDays: 0 });
    expect(s.status).toBe(400);
    const p = await call('DELETE', '/v1/admin/tokens/123', org.tokens.admin);
    expect(p.status).toBe(400);
    expect(p.body.error.message).toMatch(/id: must be a UUID/);
  });

  it('CORS: extension origins allowed, others not; secure headers set', async () => {
    const ok = await call('OPTIONS', '/v1/me', null, undefined, { Origin: 'chrome-extension://abcdefghijklmnop', 'Access-Control-Request-Method': 'GET' });
    expect(ok.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnop');
    const moz = await call('GET', '/health', null, undefined, { Origin: 'moz-extension://1234-abcd' });
    expect(moz.headers.get('access-control-allow-origin')).toBe('moz-extension://1234-abcd');
    const evil = await call('GET', '/health', null, undefined, { Origin: 'https://evil.example' });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(evil.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
