import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { exportResponse, listUsersResponse, meResponseSchema, pullResponseSchema, pushResponseSchema } from '#shared/api/index';
import { application, call, id, setupOrg, stageEvent, TestClient, vacancy } from './helpers';

describe('admin API', () => {
  it('creates a user, issues a token that works, lists, and revokes it', async () => {
    const org = await setupOrg();
    const created = await call('POST', '/v1/admin/users', org.tokens.admin, { name: 'Jo Manager', email: 'Jo.Manager@council.gov.uk', role: 'manager' });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ name: 'Jo Manager', email: 'jo.manager@council.gov.uk', role: 'manager', active: true, tokens: [] });
    const dup = await call('POST', '/v1/admin/users', org.tokens.admin, { name: 'Jo Again', email: 'jo.manager@council.gov.uk', role: 'central' });
    expect(dup.status).toBe(409);
    const tok = await call('POST', `/v1/admin/users/${created.body.user.id}/tokens`, org.tokens.admin, { days: 30 });
    expect(tok.status).toBe(201);
    expect(tok.body.token).toMatch(/^sl_[A-Za-z0-9_-]{43}$/);
    expect(tok.body.prefix).toBe(tok.body.token.slice(0, 11));
    const me = await call('GET', '/v1/me', tok.body.token);
    expect(me.status).toBe(200);
    expect(meResponseSchema.parse(me.body).user.email).toBe('jo.manager@council.gov.uk');
    const list = await call('GET', '/v1/admin/users', org.tokens.admin);
    const parsed = listUsersResponse.parse(list.body);
    const jo = parsed.users.find((u) => u.id === created.body.user.id)!;
    expect(jo.tokens).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(tok.body.token);
    const rev = await call('DELETE', `/v1/admin/tokens/${tok.body.id}`, org.tokens.admin);
    expect(rev.status).toBe(200);
    const after = await call('GET', '/v1/me', tok.body.token);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('token_revoked');
    const deact = await call('PATCH', `/v1/admin/users/${created.body.user.id}`, org.tokens.admin, { active: false });
    expect(deact.body.user.active).toBe(false);
    const audit = await env.DB.prepare('SELECT action FROM audit_log WHERE org_id = ?1 ORDER BY id').bind(org.orgId).all<{ action: string }>();
    expect(audit.results.map((r) => r.action)).toEqual(['create_user', 'create_token', 'revoke_token', 'update_user']);
  });

  it('saves settings that /v1/me then returns', async () => {
    const org = await setupOrg();
    const r = await call('PUT', '/v1/admin/settings', org.tokens.admin, { division: 'scotland', shortlistWorkingDays: 3, stageTargets: { offered: { ideal: 2, max: 5 } } });
    expect(r.status).toBe(200);
    const me = await call('GET', '/v1/me', org.tokens.coordinator);
    expect(me.body.settings).toMatchObject({ division: 'scotland', shortlistWorkingDays: 3, interviewWorkingDays: 5, stageTargets: { offered: { ideal: 2, max: 5 } } });
    const bad = await call('PUT', '/v1/admin/settings', org.tokens.admin, { stageTargets: { offered: { ideal: 6, max: 5 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/ideal must not exceed max/);
  });

  it('exports everything about a candidate, then erases it everywhere, and offline copies erase on pull', async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.coordinator);
    const v = id();
    const a = id();
    const push = await c.push([
      c.upsert('vacancies', v, vacancy()),
      c.upsert('applications', a, application(v, { name: 'Pat Person', email: 'pat@example.com' })),
      c.upsert('stage_events', id(), stageEvent(a, org.users.coordinator, 'applied', { note: 'Pat rang' })),
      c.upsert('checks', id(), { applicationId: a, kind: 'references', note: 'Pat\'s referee is away' }),
    ]);
    expect(pushResponseSchema.parse(push.body).applied).toBe(4);
    const cursor = (await c.pullAll()).cursor;
    const ex = await call('GET', `/v1/admin/export?applicationId=${a}`, org.tokens.admin);
    expect(ex.status).toBe(200);
    const body = exportResponse.parse(ex.body);
    expect(body.application).toMatchObject({ name: 'Pat Person' });
    expect(body.stageEvents).toHaveLength(1);
    expect(body.checks).toHaveLength(1);
    expect(body.changes.length).toBeGreaterThanOrEqual(3);
    expect(body.audit.length).toBeGreaterThanOrEqual(3);

    const er = await call('POST', '/v1/admin/erase', org.tokens.admin, { applicationId: a });
    expect(er.status, JSON.stringify(er.body)).toBe(200);
    const ex2 = exportResponse.parse((await call('GET', `/v1/admin/export?applicationId=${a}`, org.tokens.admin)).body);
    expect(ex2.erased).toBe(true);
    expect(JSON.stringify({ ...ex2, audit: [] })).not.toMatch(/Pat|pat@example/);
    const pulled = pullResponseSchema.parse((await c.pull(cursor)).body);
    const appChange = pulled.changes.find((x) => x.recordId === a);
    expect(appChange?.record).toMatchObject({ name: null, email: null, erased: true });
    expect(pulled.changes.filter((x) => x.table === 'stage_events' || x.table === 'checks').every((x) => x.record?.note === null)).toBe(true);
    const dump = await env.DB.prepare('SELECT group_concat(coalesce(payload, ""), " ") AS p FROM changes WHERE org_id = ?1').bind(org.orgId).first<{ p: string }>();
    expect(dump!.p).not.toMatch(/Pat|pat@example/);
    expect((await call('GET', `/v1/admin/export?applicationId=${id()}`, org.tokens.admin)).status).toBe(404);
  });
});

describe('reports', () => {
  it('computes the shared measures over the organisation, filtered', async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.coordinator);
    const v = id();
    const a1 = id();
    const a2 = id();
    await c.push([
      c.upsert('vacancies', v, vacancy({ openedDate: '2026-01-05' })),
      c.upsert('applications', a1, application(v, { receivedDate: '2026-01-12' })),
      c.upsert('applications', a2, application(v, { receivedDate: '2026-01-13', source: 'microsite' })),
      c.upsert('stage_events', id(), stageEvent(a1, 'u', 'shortlisted', { at: '2026-01-14T10:00:00Z' })),
    ]);
    const r = await call('GET', '/v1/reports/summary', org.tokens.manager);
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    expect(r.body.applications).toBe(2);
    const f = await call('GET', '/v1/reports/summary?source=microsite&from=2026-01-01&to=2026-01-31', org.tokens.central);
    expect(f.body.applications).toBe(1);
    expect(f.body.filters).toEqual({ from: '2026-01-01', to: '2026-01-31', sources: ['microsite'] });
    const bad = await call('GET', '/v1/reports/summary?from=2026-02-01&to=2026-01-01', org.tokens.central);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/from must not be after to/);
  });
});

describe('GET /openapi.json', () => {
  it('lists every route of the app with auth and the error shape', async () => {
    const r = await call('GET', '/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    expect(r.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(r.body.components.schemas.Error.properties.error).toBeTruthy();
    const { default: app } = await import('../../worker/src/index');
    const routes = app.routes.filter((x) => x.method !== 'ALL').map((x) => `${x.method.toLowerCase()} ${x.path.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '') || '/'}`);
    for (const route of new Set(routes)) {
      const [method, path] = route.split(' ') as [string, string];
      expect(r.body.paths[path]?.[method], route).toBeTruthy();
    }
    // Nothing documented that the app does not serve.
    expect(Object.keys(r.body.paths).length).toBe(new Set(routes.map((x) => x.split(' ')[1])).size);
  });
});
