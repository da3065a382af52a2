import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Mutation } from '#shared/schema/index';
import { application, id, setupOrg, TestClient, vacancy } from './helpers';

describe('volume', () => {
  it('applies a push of 1,000 mutations in one request', { timeout: 120_000 }, async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.coordinator);
    const v = id();
    await c.push([c.upsert('vacancies', v, vacancy())]);
    const batch: Mutation[] = Array.from({ length: 1000 }, (_, i) => c.upsert('applications', id(), application(v, { name: `Candidate ${i}`, atsReference: `REF-${i}` })));
    const t0 = performance.now();
    const r = await c.push(batch);
    const ms = performance.now() - t0;
    expect(r.status, JSON.stringify(r.body).slice(0, 500)).toBe(200);
    expect(r.body).toMatchObject({ applied: 1000, skipped: 0, lastSeq: 1001 });
    const n = await env.DB.prepare('SELECT count(*) AS n FROM applications WHERE org_id = ?1').bind(org.orgId).first<{ n: number }>();
    expect(n!.n).toBe(1000);
    const t1 = performance.now();
    const again = await c.push(batch);
    const replayMs = performance.now() - t1;
    expect(again.body).toMatchObject({ applied: 0, skipped: 1000 });
    console.log(`push of 1,000 mutations: ${ms.toFixed(0)} ms; replay of the same 1,000: ${replayMs.toFixed(0)} ms`);
  });

  it('pulls 10,000 changes, paging through completely', { timeout: 300_000 }, async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.coordinator);
    const v = id();
    await c.push([c.upsert('vacancies', v, vacancy())]);
    const ids = new Set<string>([v]);
    const tw = performance.now();
    for (let k = 0; k < 10; k++) {
      const batch = Array.from({ length: k === 9 ? 999 : 1000 }, () => {
        const a = id();
        ids.add(a);
        return c.upsert('applications', a, application(v));
      });
      const r = await c.push(batch);
      expect(r.status).toBe(200);
    }
    const writeMs = performance.now() - tw;
    expect(ids.size).toBe(10_000);
    for (const limit of [2000, 500]) {
      const t0 = performance.now();
      const { changes, pages, cursor } = await c.pullAll(0, limit);
      const ms = performance.now() - t0;
      expect(changes.length).toBe(10_000);
      expect(new Set(changes.map((x) => x.recordId))).toEqual(ids);
      expect(pages).toBe(10_000 / limit);
      for (let i = 1; i < changes.length; i++) expect(changes[i]!.cursor).toBeGreaterThan(changes[i - 1]!.cursor);
      expect(cursor).toBe(changes.at(-1)!.cursor);
      console.log(`pull of 10,000 changes with limit ${limit}: ${pages} pages in ${ms.toFixed(0)} ms`);
    }
    console.log(`(writing them: 10 pushes of 1,000 in ${writeMs.toFixed(0)} ms)`);
  });
});
