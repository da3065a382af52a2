import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import app from '../../worker/src/index';
import { isGuardFailure, isTransient, withRetry } from '../../worker/src/db/retry';
import { chunkJson } from '../../worker/src/db/chunk';
import { setupOrg } from './helpers';

describe('hardening', () => {
  it('the worker module exports only its handler (workerd refuses other exports)', async () => {
    const mod = await import('../../worker/src/index');
    expect(Object.keys(mod)).toEqual(['default']);
  });

  it('limits requests per credential with 429, Retry-After and a message', async () => {
    const org = await setupOrg();
    const limited = { ...env, RATE_LIMIT_PER_MINUTE: '3' };
    const get = () => app.request('/v1/me', { headers: { Authorization: `Bearer ${org.tokens.central}` } }, limited);
    for (let i = 0; i < 3; i++) expect((await get()).status).toBe(200);
    const r = await get();
    expect(r.status).toBe(429);
    expect(r.headers.get('Retry-After')).toMatch(/^\d+$/);
    const body = await r.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/more than 3 a minute/);
    // another credential is not affected
    expect((await app.request('/v1/me', { headers: { Authorization: `Bearer ${org.tokens.manager}` } }, limited)).status).toBe(200);
  });

  it('uncaught errors answer 500 JSON without a stack trace', async () => {
    const broken = { ...env, DB: { prepare: () => { throw new Error('secret internals at line 42'); } } };
    const r = await app.request('/v1/me', { headers: { Authorization: 'Bearer sl_x' } }, broken);
    expect(r.status).toBe(500);
    const text = await r.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal_error', message: expect.stringMatching(/try again/) } });
    expect(text).not.toMatch(/secret internals|at line/);
  });

  it('retries transient D1 errors and recognises guard failures', async () => {
    let calls = 0;
    const v = await withRetry(async () => {
      if (++calls < 3) throw new Error('D1_ERROR: Network connection lost.');
      return 'ok';
    });
    expect([v, calls]).toEqual(['ok', 3]);
    expect(isTransient(new Error('D1_ERROR: UNIQUE constraint failed'))).toBe(false);
    expect(isGuardFailure(new Error('D1_ERROR: CHECK constraint failed: rows_changed_concurrently: SQLITE_CONSTRAINT'))).toBe(true);
  });

  it('a failed guard rolls back the whole batch', async () => {
    const before = await env.DB.prepare('SELECT count(*) AS n FROM organisations').first<{ n: number }>();
    await expect(
      env.DB.batch([
        env.DB.prepare("INSERT INTO organisations (id, name, created_at) VALUES ('rollback-test', 'x', 'now')"),
        env.DB.prepare('INSERT INTO sync_guard (expected, actual) VALUES (1, 0)'),
      ]),
    ).rejects.toThrow(/rows_changed_concurrently/);
    expect(await env.DB.prepare('SELECT count(*) AS n FROM organisations').first<{ n: number }>()).toEqual(before);
  });

  it('chunks multi-row JSON parameters under the D1 statement size', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({ id: i, pad: 'x'.repeat(100) }));
    const parts = chunkJson(rows);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(90_000);
    expect(parts.flatMap((p) => JSON.parse(p))).toEqual(rows);
  });
});
