import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('GET /health', () => {
  it('answers JSON with the version and a D1 that answers', async () => {
    const res = await exports.default.fetch('http://worker/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = await res.json<{ ok: boolean; version: string; d1: boolean; schema: string }>();
    expect(body).toMatchObject({ ok: true, service: 'shortlist', d1: true, schema: '1' });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
