import { cors } from 'hono/cors';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';

const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[A-Za-z0-9-]+$/;
const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/**
 * CORS for the extension and ALLOWED_ORIGINS only. Once EXTENSION_ORIGINS names the published
 * extension, no other extension's pages may call the API from a browser with a stolen token's
 * help; until then (development, unpacked builds with changing ids) any extension origin is allowed.
 */
export const extensionCors: MiddlewareHandler<AppEnv> = (c, next) =>
  cors({
    origin: (origin) => {
      const pinned = list(c.env.EXTENSION_ORIGINS);
      if (EXTENSION_ORIGIN.test(origin) && (pinned.length === 0 || pinned.includes(origin))) return origin;
      return list(c.env.ALLOWED_ORIGINS).includes(origin) ? origin : null;
    },
    allowHeaders: ['Authorization', 'Content-Type'],
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    exposeHeaders: ['RateLimit-Limit', 'RateLimit-Remaining', 'Retry-After'],
    maxAge: 600,
  })(c, next);
