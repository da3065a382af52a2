import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, createToken, id, setupOrg, team, TestClient } from './helpers';

/** Issue 13: the admin console's people and organisation routes. */

type Person = { id: string; name: string; role: string; teamId: string | null; active: boolean; lastSeenAt: string | null; activeTokens: number };
const people = async (token: string) => (await call<{ people: Person[] }>('GET', '/v1/admin/people', token)).body.people;

describe('GET /v1/admin/people', () => {
  it('lists role, team, last seen and active tokens, for admins only', async () => {
    const org = await setupOrg();
    await call('GET', '/v1/me', org.tokens.manager); // stamps last_used_at
    const list = await people(org.tokens.admin);
    expect(list.map((p) => p.id).sort()).toEqual(Object.values(org.users).sort());
    const manager = list.find((p) => p.id === org.users.manager)!;
    expect(manager).toMatchObject({ role: 'manager', teamId: null, active: true, activeTokens: 1 });
    expect(Date.now() - Date.parse(manager.lastSeenAt!)).toBeLessThan(60_000);
    for (const role of ['central', 'coordinator', 'manager'] as const) expect((await call('GET', '/v1/admin/people', org.tokens[role])).status).toBe(403);
  });
});

describe('PATCH /v1/admin/people/:id', () => {
  it("changes role and team; a team must be one of the organisation's", async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.coordinator);
    const t = { id: id() };
    expect((await c.push([c.upsert('teams', t.id, team())])).status).toBe(200);
    const r = await call('PATCH', `/v1/admin/people/${org.users.manager}`, org.tokens.admin, { role: 'coordinator', teamId: t.id });
    expect(r.status).toBe(200);
    expect(r.body.person).toMatchObject({ role: 'coordinator', teamId: t.id });
    const unknown = await call('PATCH', `/v1/admin/people/${org.users.manager}`, org.tokens.admin, { teamId: crypto.randomUUID() });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('team_not_found');
    const cleared = await call('PATCH', `/v1/admin/people/${org.users.manager}`, org.tokens.admin, { teamId: null });
    expect(cleared.body.person.teamId).toBeNull();
    expect(cleared.body.person.role).toBe('coordinator');
  });

  it('deactivating stops their tokens at once', async () => {
    const org = await setupOrg();
    const r = await call('PATCH', `/v1/admin/people/${org.users.coordinator}`, org.tokens.admin, { active: false });
    expect(r.status).toBe(200);
    expect(r.body.person).toMatchObject({ active: false, activeTokens: 0 });
    expect((await call('GET', '/v1/me', org.tokens.coordinator)).status).toBe(401);
  });

  it('refuses to demote or deactivate the last admin with 409 last_admin, in words', async () => {
    const org = await setupOrg();
    for (const change of [{ role: 'central' }, { active: false }]) {
      const r = await call('PATCH', `/v1/admin/people/${org.users.admin}`, org.tokens.admin, change);
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('last_admin');
      expect(r.body.error.message).toMatch(/last active admin/);
    }
    expect((await people(org.tokens.admin)).find((p) => p.id === org.users.admin)).toMatchObject({ role: 'admin', active: true });
  });

  it('stays inside the organisation', async () => {
    const a = await setupOrg('Council A');
    const b = await setupOrg('Council B');
    const r = await call('PATCH', `/v1/admin/people/${a.users.manager}`, b.tokens.admin, { active: false });
    expect(r.status).toBe(404);
    expect((await call('GET', '/v1/me', a.tokens.manager)).status).toBe(200);
  });
});

describe('POST /v1/admin/people', () => {
  it('refuses a duplicate email and an unknown team', async () => {
    const org = await setupOrg();
    const add = (body: object) => call('POST', '/v1/admin/people', org.tokens.admin, { name: 'Jo', email: 'jo@x.gov.uk', role: 'manager', ...body });
    expect((await add({})).status).toBe(201);
    expect((await add({})).body.error.code).toBe('user_exists');
    expect((await add({ email: 'other@x.gov.uk', teamId: crypto.randomUUID() })).body.error.code).toBe('team_not_found');
    const bad = await add({ email: 'not-an-email' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/email: must be an email address/);
  });
});

describe('PATCH /v1/admin/organisation', () => {
  it("renames the council as every browser's /v1/me shows it, audited", async () => {
    const org = await setupOrg();
    const r = await call('PATCH', '/v1/admin/organisation', org.tokens.admin, { name: 'Testshire Children’s Services' });
    expect(r.status).toBe(200);
    const token = await createToken(org.orgId, org.users.manager);
    expect((await call('GET', '/v1/me', token)).body.organisation.name).toBe('Testshire Children’s Services');
    const audit = await env.DB.prepare("SELECT fields FROM audit_log WHERE org_id = ?1 AND action = 'update_organisation'").bind(org.orgId).first<{ fields: string }>();
    expect(JSON.parse(audit!.fields)).toEqual(['name']);
    expect((await call('PATCH', '/v1/admin/organisation', org.tokens.central, { name: 'X' })).status).toBe(403);
  });
});

describe('readable user ids', () => {
  it('the people routes take the ids the demo council and scripts use (user-priya), and nothing else', async () => {
    const org = await setupOrg();
    await env.DB.prepare("INSERT INTO users (id, org_id, name, email, role, active, created_at) VALUES ('user-kim', ?1, 'Kim Lee', 'kim@x.gov.uk', 'manager', 1, ?2)")
      .bind(org.orgId, new Date().toISOString())
      .run();
    expect((await call('POST', '/v1/admin/people/user-kim/invitations', org.tokens.admin)).status).toBe(201);
    expect((await call('PATCH', '/v1/admin/people/user-kim', org.tokens.admin, { role: 'central' })).body.person.role).toBe('central');
    expect((await call('PATCH', "/v1/admin/people/user-kim'--", org.tokens.admin, { role: 'central' })).status).toBe(400);
  });
});
