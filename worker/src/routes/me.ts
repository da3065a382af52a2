import { Hono } from 'hono';
import type { MeResponse } from '#shared/schema/index';
import type { AppEnv } from '../env';
import { readSettings } from '../db/settings';

/** `GET /v1/me`: who the token belongs to, the organisation and its settings. */
export const me = new Hono<AppEnv>().get('/', async (c) => {
  const a = c.get('auth');
  const body: MeResponse = {
    user: { id: a.userId, name: a.userName, email: a.email, role: a.role },
    organisation: { id: a.orgId, name: a.orgName },
    settings: await readSettings(c.env.DB, a.orgId),
    tokenExpiresAt: a.tokenExpiresAt,
  };
  return c.json(body, 200);
});
