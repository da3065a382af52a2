import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { erasureProgressResponse } from '#shared/api/index';
import { application, call, createToken, createUser, id, setupOrg, stageEvent, TestClient, vacancy } from './helpers';

const progress = async (token: string, applicationId: string) => {
  const r = await call('GET', `/v1/admin/erasures/${applicationId}`, token);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return erasureProgressResponse.parse(r.body);
};

/** A browser: its own token, pulling everything there is (the server records the cursor it pulls from). */
async function browserOf(orgId: string, role: 'coordinator' | 'manager' | 'central', name: string) {
  const user = await createUser(orgId, role, name);
  const client = new TestClient(await createToken(orgId, user));
  let cursor = 0;
  return {
    user,
    /** One sync: pull every page from where this browser was. */
    sync: async () => {
      cursor = (await client.pullAll(cursor)).cursor;
    },
  };
}

describe('GET /v1/admin/erasures/:id', () => {
  it("counts the active browsers that came back after pulling an application's erasure", async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.coordinator);
    const v = id();
    const a = id();
    await c.push([c.upsert('vacancies', v, vacancy()), c.upsert('applications', a, application(v, { name: 'Ben Francis' })), c.upsert('stage_events', id(), stageEvent(a, org.users.coordinator))]);
    const priya = await browserOf(org.orgId, 'coordinator', 'Priya Shah');
    const tom = await browserOf(org.orgId, 'manager', 'Tom Okafor');
    const idle = await browserOf(org.orgId, 'central', 'Idle Person');
    await Promise.all([priya.sync(), tom.sync(), idle.sync()]);
    // Idle's browser last pulled before the active period began.
    await env.DB.prepare("UPDATE pull_cursors SET pulled_at = '2020-01-01T00:00:00.000Z' WHERE credential_id = (SELECT id FROM credentials WHERE user_id = ?1)").bind(idle.user).run();

    expect((await call('POST', '/v1/admin/erase', org.tokens.admin, { applicationId: a })).status).toBe(200);
    const start = await progress(org.tokens.admin, a);
    expect(start).toMatchObject({ applicationId: a, pulledPast: 0, active: 2 });
    expect(start.browsers.map((b) => [b.userName, b.role, b.pulledPast])).toEqual([
      ['Priya Shah', 'coordinator', false],
      ['Tom Okafor', 'manager', false],
    ]);
    const logged = await env.DB.prepare("SELECT max(seq) AS n FROM changes WHERE org_id = ?1 AND op = 'erase'").bind(org.orgId).first<{ n: number }>();
    expect(start.changeSeq).toBe(logged!.n);

    // Priya's browser pulls the erasure: not yet confirmed, as the server has not seen it come back.
    await priya.sync();
    expect((await progress(org.tokens.admin, a)).pulledPast).toBe(0);
    await priya.sync();
    const half = await progress(org.tokens.admin, a);
    expect(half.browsers.map((b) => [b.userName, b.pulledPast])).toEqual([
      ['Priya Shah', true],
      ['Tom Okafor', false],
    ]);
    expect(half).toMatchObject({ pulledPast: 1, active: 2 });

    // A revoked token is no browser holding data any more; the other one catches up.
    await tom.sync();
    await tom.sync();
    expect(await progress(org.tokens.admin, a)).toMatchObject({ pulledPast: 2, active: 2 });
    await env.DB.prepare('UPDATE credentials SET revoked_at = ?1 WHERE user_id = ?2').bind(new Date().toISOString(), tom.user).run();
    expect(await progress(org.tokens.admin, a)).toMatchObject({ pulledPast: 1, active: 1 });
  });

  it('waits for the last entry of the erasure, not its first: the stage events and checks it scrubbed come after the application', async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.coordinator);
    const v = id();
    const a = id();
    await c.push([c.upsert('vacancies', v, vacancy()), c.upsert('applications', a, application(v)), c.upsert('stage_events', id(), stageEvent(a, org.users.coordinator, 'applied', { note: 'Keen' }))]);
    expect((await call('POST', '/v1/admin/erase', org.tokens.admin, { applicationId: a })).status).toBe(200);
    const rows = await env.DB.prepare("SELECT tbl, seq FROM changes WHERE org_id = ?1 AND op = 'erase' ORDER BY seq").bind(org.orgId).all<{ tbl: string; seq: number }>();
    expect(rows.results.map((r) => r.tbl)).toEqual(['applications', 'stage_events']);
    const p = await progress(org.tokens.admin, a);
    expect(p.changeSeq).toBe(rows.results[1]!.seq);
    expect(Date.parse(p.erasedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('404 for an application that was not erased, or is not of the organisation; admins only', async () => {
    const org = await setupOrg();
    const other = await setupOrg('Elsewhere Council');
    const c = new TestClient(org.tokens.coordinator);
    const v = id();
    const a = id();
    await c.push([c.upsert('vacancies', v, vacancy()), c.upsert('applications', a, application(v))]);
    const notErased = await call('GET', `/v1/admin/erasures/${a}`, org.tokens.admin);
    expect(notErased.status).toBe(404);
    expect(notErased.body.error.code).toBe('erasure_not_found');
    expect((await call('POST', '/v1/admin/erase', org.tokens.admin, { applicationId: a })).status).toBe(200);
    expect((await call('GET', `/v1/admin/erasures/${a}`, other.tokens.admin)).status).toBe(404);
    for (const role of ['central', 'coordinator', 'manager'] as const) expect((await call('GET', `/v1/admin/erasures/${a}`, org.tokens[role])).status).toBe(403);
    expect((await call('GET', '/v1/admin/erasures/not-an-id', org.tokens.admin)).status).toBe(400);
  });
});
