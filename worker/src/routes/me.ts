import { Hono } from 'hono';
import type { MeResponse } from '#shared/schema/index';
import type { AppEnv } from '../env';
import { readSettings } from '../db/settings';
import { auditRow } from './audit';

/** `GET /v1/me`: who the token belongs to, the organisation and its settings. */
export const me = new Hono<AppEnv>()
  .get('/', async (c) => {
    const a = c.get('auth');
    const body: MeResponse = {
      user: { id: a.userId, name: a.userName, email: a.email, role: a.role },
      organisation: { id: a.orgId, name: a.orgName },
      settings: await readSettings(c.env.DB, a.orgId),
      tokenExpiresAt: a.tokenExpiresAt,
    };
    return c.json(body, 200);
  })
  /**
   * `POST /v1/me/sign-out`: revokes the calling token (only that one), so a token copied from
   * a signed-out browser is worth nothing. The user's other tokens keep working.
   */
  .post('/sign-out', async (c) => {
    const a = c.get('auth');
    const now = new Date().toISOString();
    const db = c.env.DB;
    await db.batch([
      db.prepare('UPDATE credentials SET revoked_at = coalesce(revoked_at, ?3) WHERE org_id = ?1 AND id = ?2').bind(a.orgId, a.credentialId, now),
      auditRow(db, a, 'sign_out', 'credentials', a.credentialId, null, now),
    ]);
    return c.json({ signedOut: true as const, revokedAt: now }, 200);
  });
