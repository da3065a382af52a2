import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { ApiFailure } from '../errors';

/**
 * Fixed one-minute windows, counted in memory in each isolate.
 *
 * Why in memory and not in D1: D1 is a single writer, and a counter row updated on every
 * request would put a write in front of every read and contend with sync pushes. The limits
 * guard against runaway client loops and token guessing, not billing, so an approximate,
 * per-isolate count (a client usually lands on the same isolate) is enough. Cloudflare's
 * own rate limiting rules can sit in front for a hard, global limit.
 */
const WINDOW_MS = 60_000;

class Windows {
  private readonly windows = new Map<string, { start: number; count: number }>();

  private current(key: string, now: number) {
    let w = this.windows.get(key);
    if (!w || now - w.start >= WINDOW_MS) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > 10_000) for (const [k, v] of this.windows) if (now - v.start >= WINDOW_MS) this.windows.delete(k);
    }
    return w;
  }

  /** Counts one more and returns the count in this window. */
  hit(key: string, now = Date.now()): number {
    return ++this.current(key, now).count;
  }

  count(key: string, now = Date.now()): number {
    return this.current(key, now).count;
  }

  /** Whole seconds until the window of `key` ends. */
  retryAfter(key: string, now = Date.now()): number {
    return Math.max(1, Math.ceil((this.current(key, now).start + WINDOW_MS - now) / 1000));
  }
}

const perCredential = new Windows();
const failedSignIns = new Windows();
const perAddress = new Windows();

const limitOf = (value: string | undefined, fallback: number) => Number(value ?? '') || fallback;

/** The caller's network address as Cloudflare saw it; one bucket for every caller without one (local runs). */
export const clientAddress = (c: Context) => c.req.header('CF-Connecting-IP') ?? 'unknown';

const tooMany = (message: string, retry: number) => new ApiFailure(429, 'rate_limited', message, undefined, { 'Retry-After': String(retry) });

/** Per credential, after authentication: a runaway client loop gets 429. */
export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const limit = limitOf(c.env.RATE_LIMIT_PER_MINUTE, 600);
  const key = c.get('auth').credentialId;
  const count = perCredential.hit(key);
  c.header('RateLimit-Limit', String(limit));
  c.header('RateLimit-Remaining', String(Math.max(0, limit - count)));
  if (count > limit) {
    const retry = perCredential.retryAfter(key);
    throw tooMany(`Too many requests with this token (more than ${limit} a minute); try again in ${retry} s`, retry);
  }
  await next();
};

/**
 * Token look-ups that fail (unknown, revoked, expired, deactivated), per address. Checked
 * before the look-up, so guessing tokens costs no D1 query once the address is over the limit.
 * A council office shares one address: the default leaves room for its people's honest mistakes.
 */
export const signInFailures = {
  refuseIfOver(c: Context<AppEnv>): void {
    const key = clientAddress(c);
    const limit = limitOf(c.env.AUTH_FAILURES_PER_MINUTE, 60);
    if (failedSignIns.count(key) >= limit) {
      const retry = failedSignIns.retryAfter(key);
      throw tooMany(`Too many failed sign-ins from your network (more than ${limit} a minute); try again in ${retry} s`, retry);
    }
  },
  record(c: Context<AppEnv>): void {
    failedSignIns.hit(clientAddress(c));
  },
};

/** Routes without a token that still query D1 (/health): per address, before the query. */
export const addressLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = clientAddress(c);
  const limit = limitOf(c.env.UNAUTHENTICATED_PER_MINUTE, 120);
  if (perAddress.hit(key) > limit) {
    const retry = perAddress.retryAfter(key);
    throw tooMany(`Too many requests without a token from your network (more than ${limit} a minute); try again in ${retry} s`, retry);
  }
  await next();
};
