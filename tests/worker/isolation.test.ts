import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { application, call, id, rowOf, setupOrg, team, TestClient, vacancy } from './helpers';

describe('no data crosses organisations, whatever ids a caller sends', () => {
  it('an upsert or delete with another organisation\'s record id never touches that row', async () => {
    const a = await setupOrg('Council A');
    const b = await setupOrg('Council B');
    const ca = new TestClient(a.tokens.coordinator);
    const v = id();
    const app = id();
    await ca.push([ca.upsert('vacancies', v, vacancy()), ca.upsert('applications', app, application(v))]);
    const before = await rowOf('applications', a.orgId, app);

    const cb = new TestClient(b.tokens.coordinator);
    // a partial upsert needs an existing record: in B's organisation there is none
    const partial = await cb.push([cb.upsert('applications', app, { name: 'Hijacked' })]);
    expect(partial.status).toBe(400);
    cb.seq = 0;
    // A's vacancy is not B's to name, nor A's application B's to erase: refused, by field.
    const full = await cb.push([cb.upsert('applications', app, application(v, { name: 'B copy' })), cb.mutation('applications', 'erase', app)]);
    expect(full.status, JSON.stringify(full.body)).toBe(400);
    expect(full.body.error.details.map((d: { issues: string[] }) => d.issues[0])).toEqual([
      `vacancyId: no vacancy ${v} in your organisation (create it first, in this push or an earlier one)`,
      `recordId: no application ${app} in your organisation to erase`,
    ]);
    cb.seq = 0;
    // A delete of A's id leaves a tombstone in B's organisation only.
    expect((await cb.push([cb.mutation('vacancies', 'delete', v)])).status).toBe(200);
    expect(await rowOf('applications', a.orgId, app)).toEqual(before);
    expect((await rowOf('vacancies', a.orgId, v))!.deleted).toBe(0);
    // B sees only its own rows
    const pulledB = await cb.pullAll();
    for (const ch of pulledB.changes) expect(ch.record?.name ?? null).not.toBe('Alex Candidate');
    const pulledA = await ca.pullAll();
    expect(pulledA.changes.find((ch) => ch.recordId === app)?.record).toMatchObject({ name: 'Alex Candidate' });
    expect(pulledA.changes.some((ch) => ch.record && (ch.record as any).name === 'B copy')).toBe(false);
  });

  it('a client id of another organisation or user is not taken over', async () => {
    const a = await setupOrg();
    const b = await setupOrg();
    const shared = `client-shared-${id()}`;
    const ca = new TestClient(a.tokens.central, shared);
    await ca.push([ca.upsert('teams', id(), team())]);
    const cb = new TestClient(b.tokens.central, shared);
    const r = await cb.push([cb.upsert('teams', id(), team())]);
    expect(r.status).toBe(200); // a separate (org, client) row; A's last_seq is untouched
    const sameOrgOtherUser = new TestClient(a.tokens.coordinator, shared);
    const r2 = await sameOrgOtherUser.push([sameOrgOtherUser.upsert('teams', id(), team())]);
    expect(r2.status).toBe(409);
    expect(r2.body.error.code).toBe('client_mismatch');
  });

  it('admin routes by id stay inside the organisation', async () => {
    const a = await setupOrg();
    const b = await setupOrg();
    const ca = new TestClient(a.tokens.coordinator);
    const v = id();
    const app = id();
    await ca.push([ca.upsert('vacancies', v, vacancy()), ca.upsert('applications', app, application(v))]);
    expect((await call('GET', `/v1/admin/export?applicationId=${app}`, b.tokens.admin)).status).toBe(404);
    expect((await call('POST', '/v1/admin/erase', b.tokens.admin, { applicationId: app })).status).toBe(404);
    expect((await call('POST', `/v1/admin/users/${a.users.central}/tokens`, b.tokens.admin, {})).status).toBe(404);
    const tokenId = (await env.DB.prepare('SELECT id FROM credentials WHERE user_id = ?1').bind(a.users.central).first<{ id: string }>())!.id;
    expect((await call('DELETE', `/v1/admin/tokens/${tokenId}`, b.tokens.admin)).status).toBe(404);
    expect((await call('GET', '/v1/me', a.tokens.central)).status).toBe(200);
    const users = await call('GET', '/v1/admin/users', b.tokens.admin);
    expect(users.body.users.map((u: any) => u.id)).not.toContain(a.users.central);
    expect(JSON.parse((await rowOf('applications', a.orgId, app))!.data).name).toBe('Alex Candidate');
  });
});
