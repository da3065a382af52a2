import { cors } from 'hono/cors';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';

/** CORS for the extension (chrome-extension://, moz-extension://) and ALLOWED_ORIGINS only. */
export const extensionCors: MiddlewareHandler<AppEnv> = (c, next) =>
  cors({
    origin: (origin) => {
      if (/^(chrome|moz)-extension:\/\/[A-Za-z0-9-]+$/.test(origin)) return origin;
      const extra = (c.env.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      return extra.includes(origin) ? origin : null;
    },
    allowHeaders: ['Authorization', 'Content-Type'],
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    exposeHeaders: ['RateLimit-Limit', 'RateLimit-Remaining', 'Retry-After'],
    maxAge: 600,
  })(c, next);
