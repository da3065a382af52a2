import { describe, expect, it } from 'vitest';
import { post, staffMember } from '../contract/records';
import { application, createToken, createUser, id, materialise, setupOrg, team, TestClient, vacancy } from './helpers';

/**
 * A hire's staff record carries the name the candidate applied with: it follows that
 * application's need-to-know (shared/sync/scope.ts), so a manager outside the vacancy's scope
 * does not learn through the establishment who was hired. Other staff records go whole to all.
 */
describe('staff records on pull', () => {
  it("a hire's name reaches those who see the application; a colleague's name reaches everyone", async () => {
    const org = await setupOrg();
    const outsider = await createUser(org.orgId, 'manager', 'Manager of another team');
    const c = new TestClient(org.tokens.coordinator);
    const [t, v, app, p1, p2, hire, colleague] = [id(), id(), id(), id(), id(), id(), id()];
    const r = await c.push([
      c.upsert('teams', t, team({ managerId: org.users.manager })),
      c.upsert('vacancies', v, vacancy({ teamIds: [t] })),
      c.upsert('applications', app, application(v, { name: 'Rosa Hired' })),
      c.upsert('posts', p1, post(t)),
      c.upsert('posts', p2, post(t)),
      c.upsert('staff', hire, staffMember(p1, { name: 'Rosa Hired', applicationId: app })),
      c.upsert('staff', colleague, staffMember(p2, { name: 'Long Serving' })),
    ]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const seen = async (token: string) => materialise((await new TestClient(token).pullAll()).changes);
    for (const token of [org.tokens.coordinator, org.tokens.central, org.tokens.admin, org.tokens.manager]) {
      expect((await seen(token)).get(`staff:${hire}`)).toMatchObject({ name: 'Rosa Hired', applicationId: app });
    }
    const outside = await seen(await createToken(org.orgId, outsider));
    expect(outside.get(`staff:${hire}`)).toMatchObject({ name: null, redacted: true, applicationId: app, postId: p1, role: 'social_worker' });
    expect(outside.get(`staff:${colleague}`)).toMatchObject({ name: 'Long Serving' });
    expect(JSON.stringify([...outside.values()])).not.toContain('Rosa Hired');
  });
});
