import { Hono } from 'hono';
import type { PeopleResponse } from '#shared/api/responses';
import type { AppEnv } from '../env';

/** `GET /v1/people`: everyone in the caller's organisation by name and role, so rotas and queues show names. */
export const people = new Hono<AppEnv>().get('/', async (c) => {
  const { orgId } = c.get('auth');
  const rows = await c.env.DB.prepare('SELECT id, name, role, active FROM users WHERE org_id = ?1 ORDER BY name')
    .bind(orgId)
    .all<{ id: string; name: string; role: PeopleResponse['people'][number]['role']; active: number }>();
  const body: PeopleResponse = { people: rows.results.map((r) => ({ id: r.id, name: r.name, role: r.role, active: r.active === 1 })) };
  return c.json(body, 200);
});
