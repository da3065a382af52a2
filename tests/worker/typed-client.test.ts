import { exports } from 'cloudflare:workers';
import { hc } from 'hono/client';
import { describe, expect, it } from 'vitest';
import type { AppType } from '../../worker/src/index';
import { id, setupOrg, team, TestClient } from './helpers';

describe('typed Hono client (AppType)', () => {
  it('pushes and pulls through hc<AppType>, narrowing on res.ok', async () => {
    const org = await setupOrg();
    const client = hc<AppType>('http://worker', {
      headers: { Authorization: `Bearer ${org.tokens.central}` },
      fetch: (input: RequestInfo | URL, init?: RequestInit) => exports.default.fetch(new Request(input, init)),
    });
    const c = new TestClient(org.tokens.central);
    const push = await client.v1.sync.push.$post({ json: { clientId: c.clientId, schemaVersion: 1, mutations: [c.upsert('teams', id(), team())] } });
    expect(push.ok).toBe(true);
    if (push.ok) {
      const body = await push.json();
      expect(body.lastSeq).toBe(1);
    }
    const pull = await client.v1.sync.pull.$get({ query: { cursor: '0', limit: '10' } });
    if (!pull.ok) throw new Error('pull failed');
    const page = await pull.json();
    expect(page.changes).toHaveLength(1);
    const me = await client.v1.me.$get();
    if (me.ok) expect((await me.json()).user.role).toBe('central');
  });
});
