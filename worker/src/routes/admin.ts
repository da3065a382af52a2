import { Hono } from 'hono';
import { z } from 'zod';
import {
  createTokenRequest,
  createUserRequest,
  eraseRequest,
  exportQuery,
  idParam,
  updateUserRequest,
  type ExportResponse,
} from '#shared/api/index';
import { formatHlc } from '#shared/hlc';
import { settingsSchema } from '#shared/schema/index';
import type { AppEnv } from '../env';
import { ApiFailure } from '../errors';
import { issueToken } from '../auth/tokens';
import { listUsers } from '../db/users';
import { validate } from '../middleware/validate';
import { applyMutations } from '../sync/apply';
import { auditStatements } from '../sync/statements';
import { exportApplication } from '../db/export';

const audit = (c: { env: AppEnv['Bindings']; get: (k: 'auth') => AppEnv['Variables']['auth'] }, action: string, table: string | null, recordId: string | null, fields: string[] | null) =>
  auditStatements(c.env.DB, c.get('auth'), null, new Date().toISOString(), [{ action, table, recordId, fields }]);

/** The admin API; every route needs role admin (index.ts) and stays inside the admin's organisation. */
export const admin = new Hono<AppEnv>()
  .get('/users', async (c) => c.json({ users: await listUsers(c.env.DB, c.get('auth').orgId) }, 200))
  .post('/users', validate('json', createUserRequest), async (c) => {
    const { orgId } = c.get('auth');
    const body = c.req.valid('json');
    const email = body.email.toLowerCase();
    const dup = await c.env.DB.prepare('SELECT id FROM users WHERE org_id = ?1 AND email = ?2').bind(orgId, email).first();
    if (dup) throw new ApiFailure(409, 'user_exists', `A user with email ${email} already exists in your organisation`);
    const id = crypto.randomUUID();
    await c.env.DB.batch([
      c.env.DB.prepare('INSERT INTO users (id, org_id, name, email, role, active, created_at) VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6)').bind(
        id,
        orgId,
        body.name,
        email,
        body.role,
        new Date().toISOString(),
      ),
      ...audit(c, 'create_user', 'users', id, ['name', 'email', 'role']),
    ]);
    const [user] = await listUsers(c.env.DB, orgId, id);
    return c.json({ user: user! }, 201);
  })
  .patch('/users/:id', validate('param', idParam), validate('json', updateUserRequest), async (c) => {
    const { orgId } = c.get('auth');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const res = await c.env.DB.prepare(
      'UPDATE users SET role = coalesce(?3, role), active = coalesce(?4, active), name = coalesce(?5, name) WHERE org_id = ?1 AND id = ?2',
    )
      .bind(orgId, id, body.role ?? null, body.active === undefined ? null : body.active ? 1 : 0, body.name ?? null)
      .run();
    if (!res.meta.changes) throw new ApiFailure(404, 'user_not_found', `No user ${id} in your organisation`);
    await c.env.DB.batch(audit(c, 'update_user', 'users', id, Object.keys(body)));
    const [user] = await listUsers(c.env.DB, orgId, id);
    return c.json({ user: user! }, 200);
  })
  .post('/users/:id/tokens', validate('param', idParam), validate('json', createTokenRequest), async (c) => {
    const { orgId } = c.get('auth');
    const { id } = c.req.valid('param');
    const user = await c.env.DB.prepare('SELECT id, active FROM users WHERE org_id = ?1 AND id = ?2').bind(orgId, id).first<{ id: string; active: number }>();
    if (!user) throw new ApiFailure(404, 'user_not_found', `No user ${id} in your organisation`);
    if (!user.active) throw new ApiFailure(409, 'user_inactive', 'This user is deactivated; reactivate them before issuing a token');
    const t = await issueToken(c.env.DB, orgId, id, c.req.valid('json').days);
    await c.env.DB.batch(audit(c, 'create_token', 'credentials', t.id, null));
    return c.json({ token: t.token, id: t.id, prefix: t.prefix, expiresAt: t.expiresAt }, 201);
  })
  .delete('/tokens/:id', validate('param', idParam), async (c) => {
    const { orgId } = c.get('auth');
    const { id } = c.req.valid('param');
    const now = new Date().toISOString();
    const row = await c.env.DB.prepare(
      'UPDATE credentials SET revoked_at = coalesce(revoked_at, ?3) WHERE org_id = ?1 AND id = ?2 RETURNING revoked_at',
    )
      .bind(orgId, id, now)
      .first<{ revoked_at: string }>();
    if (!row) throw new ApiFailure(404, 'token_not_found', `No token ${id} in your organisation`);
    await c.env.DB.batch(audit(c, 'revoke_token', 'credentials', id, null));
    return c.json({ id, revokedAt: row.revoked_at }, 200);
  })
  .put('/settings', validate('json', settingsSchema), async (c) => {
    const { orgId, userId } = c.get('auth');
    const settings = c.req.valid('json');
    await c.env.DB.batch([
      c.env.DB.prepare(
        `INSERT INTO settings (org_id, data, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (org_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      ).bind(orgId, JSON.stringify(settings), new Date().toISOString(), userId),
      ...audit(c, 'update_settings', 'settings', orgId, Object.keys(settings)),
    ]);
    return c.json({ settings }, 200);
  })
  .get('/export', validate('query', exportQuery), async (c) => {
    const { applicationId } = c.req.valid('query');
    const body: ExportResponse | null = await exportApplication(c.env.DB, c.get('auth').orgId, applicationId);
    if (!body) throw new ApiFailure(404, 'application_not_found', `No application ${applicationId} in your organisation`);
    await c.env.DB.batch(audit(c, 'export', 'applications', applicationId, null));
    return c.json(body, 200);
  })
  .post('/erase', validate('json', eraseRequest), async (c) => {
    const auth = c.get('auth');
    const { applicationId } = c.req.valid('json');
    const exists = await c.env.DB.prepare('SELECT 1 FROM applications WHERE org_id = ?1 AND id = ?2').bind(auth.orgId, applicationId).first();
    if (!exists) throw new ApiFailure(404, 'application_not_found', `No application ${applicationId} in your organisation`);
    const hlc = formatHlc({ wall: Date.now(), counter: 0, node: 'server' });
    const r = await applyMutations(
      c.env.DB,
      auth,
      [{ id: crypto.randomUUID(), seq: 1, table: 'applications', op: 'erase', recordId: applicationId, hlc }],
      { clientId: null, trusted: true },
    );
    return c.json({ applicationId, erased: true as const, changes: r.applied }, 200);
  });

export type AdminRoutes = typeof admin;
void z;
