import type { MiddlewareHandler } from 'hono';
import type { AppEnv, AuthContext } from '../env';
import { ApiFailure } from '../errors';

/** 403 unless the caller's role is one of `roles` (see auth/permissions.ts). */
export const requireRole =
  (roles: readonly AuthContext['role'][], why: string): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const role = c.get('auth').role;
    if (!roles.includes(role)) throw new ApiFailure(403, 'forbidden', `Your role (${role}) may not ${c.req.method} ${c.req.path}: ${why}`);
    await next();
  };
