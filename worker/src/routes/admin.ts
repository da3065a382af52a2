import { Hono } from 'hono';
import {
  createTokenRequest,
  createUserRequest,
  eraseRequest,
  exportQuery,
  idParam,
  updateUserRequest,
  type EraseResponse,
  type ExportResponse,
} from '#shared/api/index';
import { formatHlc } from '#shared/hlc';
import { settingsSchema, type Settings } from '#shared/schema/index';
import type { AppEnv } from '../env';
import { ApiFailure } from '../errors';
import { prepareToken } from '../auth/tokens';
import { readSettings } from '../db/settings';
import { listUsers } from '../db/users';
import { validate } from '../middleware/validate';
import { auditRow } from './audit';
import { applyMutations } from '../sync/apply';
import { exportApplication } from '../db/export';

const audit = (c: { env: AppEnv['Bindings']; get: (k: 'auth') => AppEnv['Variables']['auth'] }, action: string, table: string | null, recordId: string | null, fields: string[] | null) =>
  auditRow(c.env.DB, c.get('auth'), action, table, recordId, fields);

/**
 * Aborts the batch it is in (its CHECK fails, and a D1 batch is one transaction) when the
 * organisation would be left without an active admin. Runs after the batch's updates.
 */
const keepAnAdmin = (db: D1Database, orgId: string) => [
  db
    .prepare(`INSERT INTO admin_guard (rule, ok) SELECT 'last_admin', EXISTS (SELECT 1 FROM users WHERE org_id = ?1 AND role = 'admin' AND active = 1)`)
    .bind(orgId),
  db.prepare('DELETE FROM admin_guard'),
];
const isLastAdminGuard = (err: unknown) => /admin_rule_broken/.test(err instanceof Error ? err.message : String(err));

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
      audit(c, 'create_user', 'users', id, ['name', 'email', 'role']),
    ]);
    const [user] = await listUsers(c.env.DB, orgId, id);
    return c.json({ user: user! }, 201);
  })
  .patch('/users/:id', validate('param', idParam), validate('json', updateUserRequest), async (c) => {
    const { orgId } = c.get('auth');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const db = c.env.DB;
    const user = await db.prepare('SELECT name FROM users WHERE org_id = ?1 AND id = ?2').bind(orgId, id).first<{ name: string }>();
    if (!user) throw new ApiFailure(404, 'user_not_found', `No user ${id} in your organisation`);
    const now = new Date().toISOString();
    try {
      await db.batch([
        db
          .prepare('UPDATE users SET role = coalesce(?3, role), active = coalesce(?4, active), name = coalesce(?5, name) WHERE org_id = ?1 AND id = ?2')
          .bind(orgId, id, body.role ?? null, body.active === undefined ? null : body.active ? 1 : 0, body.name ?? null),
        // Deactivation ends every token of the user: reactivating them later must not bring old tokens back.
        ...(body.active === false
          ? [db.prepare('UPDATE credentials SET revoked_at = ?3 WHERE org_id = ?1 AND user_id = ?2 AND revoked_at IS NULL').bind(orgId, id, now)]
          : []),
        ...keepAnAdmin(db, orgId),
        audit(c, 'update_user', 'users', id, Object.keys(body)),
      ]);
    } catch (err) {
      if (!isLastAdminGuard(err)) throw err;
      throw new ApiFailure(409, 'last_admin', `${user.name} is the last active admin of your organisation: make someone else an admin first`);
    }
    const [updated] = await listUsers(db, orgId, id);
    return c.json({ user: updated! }, 200);
  })
  .post('/users/:id/tokens', validate('param', idParam), validate('json', createTokenRequest), async (c) => {
    const { orgId } = c.get('auth');
    const { id } = c.req.valid('param');
    const user = await c.env.DB.prepare('SELECT id, active FROM users WHERE org_id = ?1 AND id = ?2').bind(orgId, id).first<{ id: string; active: number }>();
    if (!user) throw new ApiFailure(404, 'user_not_found', `No user ${id} in your organisation`);
    if (!user.active) throw new ApiFailure(409, 'user_inactive', 'This user is deactivated; reactivate them before issuing a token');
    const t = await prepareToken(c.env.DB, orgId, id, c.req.valid('json').days);
    const [inserted] = await c.env.DB.batch([t.statement, audit(c, 'create_token', 'credentials', t.id, null)]);
    if (!inserted!.meta.changes) throw new ApiFailure(409, 'user_inactive', 'This user was deactivated meanwhile; reactivate them before issuing a token');
    return c.json({ token: t.token, id: t.id, prefix: t.prefix, expiresAt: t.expiresAt }, 201);
  })
  .delete('/tokens/:id', validate('param', idParam), async (c) => {
    const { orgId } = c.get('auth');
    const { id } = c.req.valid('param');
    const db = c.env.DB;
    const known = await db.prepare('SELECT 1 FROM credentials WHERE org_id = ?1 AND id = ?2').bind(orgId, id).first();
    if (!known) throw new ApiFailure(404, 'token_not_found', `No token ${id} in your organisation`);
    const [revoked] = await db.batch([
      db.prepare('UPDATE credentials SET revoked_at = coalesce(revoked_at, ?3) WHERE org_id = ?1 AND id = ?2 RETURNING revoked_at').bind(orgId, id, new Date().toISOString()),
      audit(c, 'revoke_token', 'credentials', id, null),
    ]);
    const row = (revoked!.results as Array<{ revoked_at: string }>)[0]!;
    return c.json({ id, revokedAt: row.revoked_at }, 200);
  })
  .put('/settings', validate('json', settingsSchema), async (c) => {
    const { orgId, userId } = c.get('auth');
    const settings = c.req.valid('json');
    // The whole document is replaced; the trail names the rules that changed (the page sends them all).
    const before = await readSettings(c.env.DB, orgId);
    const changed = (Object.keys(settings) as (keyof Settings)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(settings[k]));
    await c.env.DB.batch([
      c.env.DB.prepare(
        `INSERT INTO settings (org_id, data, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (org_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      ).bind(orgId, JSON.stringify(settings), new Date().toISOString(), userId),
      audit(c, 'update_settings', 'settings', orgId, changed),
    ]);
    return c.json({ settings }, 200);
  })
  .get('/export', validate('query', exportQuery), async (c) => {
    const { applicationId } = c.req.valid('query');
    const body: ExportResponse | null = await exportApplication(c.env.DB, c.get('auth').orgId, applicationId);
    if (!body) throw new ApiFailure(404, 'application_not_found', `No application ${applicationId} in your organisation`);
    await audit(c, 'export', 'applications', applicationId, null).run();
    return c.json(body, 200);
  })
  .post('/erase', validate('json', eraseRequest), async (c) => {
    const auth = c.get('auth');
    const body = c.req.valid('json');
    // A candidate (their application) or a member of staff (their staff record): one rule, shared/sync/erasure.ts.
    const [table, recordId, noun] = 'staffId' in body ? (['staff', body.staffId, 'staff record'] as const) : (['applications', body.applicationId, 'application'] as const);
    const exists = await c.env.DB.prepare(`SELECT 1 FROM ${table} WHERE org_id = ?1 AND id = ?2`).bind(auth.orgId, recordId).first();
    if (!exists) throw new ApiFailure(404, `${table === 'staff' ? 'staff' : 'application'}_not_found`, `No ${noun} ${recordId} in your organisation`);
    const hlc = formatHlc({ wall: Date.now(), counter: 0, node: 'server' });
    const r = await applyMutations(c.env.DB, auth, [{ id: crypto.randomUUID(), seq: 1, table, op: 'erase', recordId, hlc }], { clientId: null, trusted: true });
    const erased: EraseResponse = { ...('staffId' in body ? { staffId: recordId } : { applicationId: recordId }), erased: true, changes: r.applied };
    return c.json(erased, 200);
  });
