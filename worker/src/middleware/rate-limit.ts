import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { ApiFailure } from '../errors';

/**
 * A fixed one-minute window per credential, counted in memory in each isolate.
 *
 * Why in memory and not in D1: D1 is a single writer, and a counter row updated on every
 * request would put a write in front of every read and contend with sync pushes. The limit
 * is a guard against a runaway client loop, not a billing quota, so an approximate,
 * per-isolate count (a client usually lands on the same isolate) is enough. Cloudflare's
 * own rate limiting rules can sit in front for a hard, global limit.
 */
const windows = new Map<string, { start: number; count: number }>();
const WINDOW_MS = 60_000;

export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const limit = Number(c.env.RATE_LIMIT_PER_MINUTE ?? '') || 600;
  const key = c.get('auth').credentialId;
  const now = Date.now();
  let w = windows.get(key);
  if (!w || now - w.start >= WINDOW_MS) {
    w = { start: now, count: 0 };
    windows.set(key, w);
    if (windows.size > 10_000) for (const [k, v] of windows) if (now - v.start >= WINDOW_MS) windows.delete(k);
  }
  w.count += 1;
  c.header('RateLimit-Limit', String(limit));
  c.header('RateLimit-Remaining', String(Math.max(0, limit - w.count)));
  if (w.count > limit) {
    const retry = Math.ceil((w.start + WINDOW_MS - now) / 1000);
    throw new ApiFailure(429, 'rate_limited', `Too many requests with this token (more than ${limit} a minute); try again in ${retry} s`, undefined, {
      'Retry-After': String(retry),
    });
  }
  await next();
};
