import { describe, expect, it } from 'vitest';
import { call, setupOrg } from './helpers';

describe('GET /v1/people', () => {
  it("lists the caller's organisation by name and role, without contact details, for every role", async () => {
    const a = await setupOrg('Council A');
    const b = await setupOrg('Council B');
    const res = await call<{ people: Array<Record<string, unknown>> }>('GET', '/v1/people', a.tokens.manager);
    expect(res.status).toBe(200);
    const ids = res.body.people.map((p) => p.id).sort();
    expect(ids).toEqual(Object.values(a.users).sort());
    expect(ids.some((id) => Object.values(b.users).includes(id as string))).toBe(false);
    for (const p of res.body.people) {
      expect(Object.keys(p).sort()).toEqual(['active', 'id', 'name', 'role']);
    }
  });

  it('refuses a caller without a token', async () => {
    const res = await call('GET', '/v1/people', null);
    expect(res.status).toBe(401);
  });
});
