import { describe, expect, it } from 'vitest';
import { application, call, id, materialise, rowOf, setupOrg, team, TestClient, vacancy } from './helpers';

describe('push and pull', () => {
  it('creates records, pulls them back, and a replayed batch changes nothing', async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.coordinator);
    const t = id();
    const v = id();
    const a = id();
    const batch = [c.upsert('teams', t, team()), c.upsert('vacancies', v, vacancy({ teamIds: [t] })), c.upsert('applications', a, application(v))];
    const r1 = await c.push(batch);
    expect(r1.status, JSON.stringify(r1.body)).toBe(200);
    expect(r1.body).toMatchObject({ lastSeq: 3, applied: 3, skipped: 0, conflicts: [] });
    const before = await rowOf('applications', org.orgId, a);
    const r2 = await c.push(batch);
    expect(r2.body).toMatchObject({ lastSeq: 3, applied: 0, skipped: 3 });
    expect(await rowOf('applications', org.orgId, a)).toEqual(before);

    const pulled = await c.pullAll();
    expect(pulled.changes.map((x) => x.table)).toEqual(['teams', 'vacancies', 'applications']);
    const state = materialise(pulled.changes);
    expect(state.get(`applications:${a}`)).toMatchObject({ id: a, name: 'Alex Candidate', vacancyId: v });
  });

  it('refuses a gap with the expected sequence, and applies nothing of it', async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.central);
    const m1 = c.upsert('teams', id(), team());
    expect((await c.push([m1])).status).toBe(200);
    c.seq = 5;
    const r = await c.push([c.upsert('teams', id(), team())]);
    expect(r.status).toBe(409);
    expect(r.body.error).toEqual({ code: 'sequence_gap', message: 'expected sequence 2, got 6', details: { expected: 2, lastSeq: 1 } });
  });

  it('answers 400 naming each invalid mutation, applying nothing', async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.central);
    const good = c.upsert('teams', id(), team());
    const bad1 = c.upsert('teams', id(), team({ name: '' }));
    const bad2 = c.upsert('applications', id(), { name: 'x' });
    const r = await c.push([good, bad1, bad2]);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_mutations');
    expect(r.body.error.details.map((d: any) => d.id)).toEqual([bad1.id, bad2.id]);
    expect(r.body.error.details[0].issues).toEqual(['name: must not be empty']);
    expect(r.body.error.message).toContain(`seq ${bad1.seq}`);
    expect(await rowOf('teams', org.orgId, good.recordId)).toBeNull();
    const state = await call('GET', '/v1/sync/pull', org.tokens.central);
    expect(state.body.changes).toEqual([]);
  });
});
