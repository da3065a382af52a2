import { Hono } from 'hono';
import { APP_VERSION } from '#shared/version';
import type { Env } from '../env';

/** Liveness and D1 reachability, for `npm start`, the extension and monitoring. */
export const health = new Hono<{ Bindings: Env }>().get('/', async (c) => {
  let d1 = false;
  let schema: string | null = null;
  try {
    const row = await c.env.DB.prepare("SELECT value FROM meta WHERE key = 'schema'").first<{ value: string }>();
    d1 = true;
    schema = row?.value ?? null;
  } catch {
    d1 = false;
  }
  return c.json({ ok: d1, service: 'shortlist', version: APP_VERSION, d1, schema }, d1 ? 200 : 503);
});
