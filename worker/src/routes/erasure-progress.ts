import { Hono } from 'hono';
import { idParam, type ErasureProgressResponse } from '#shared/api/index';
import type { UserRole } from '#shared/schema/index';
import { ERASABLE } from '#shared/sync/erasure';
import { readSettings } from '../db/settings';
import type { AppEnv } from '../env';
import { ApiFailure } from '../errors';
import { validate } from '../middleware/validate';

const DAY_MS = 86_400_000;

interface BrowserRow {
  prefix: string;
  user_id: string;
  name: string;
  role: UserRole;
  cursor: number;
  pulled_at: string;
}

/**
 * `GET /v1/admin/erasures/{id}` (admin, index.ts): how many of the council's active browsers
 * have an application's or a member of staff's erasure. An erasure is one mutation: its
 * change-log entries (the application's and its stage events' and checks', or the staff
 * record's and its retention records') share the mutation id, and a browser has it
 * all once its pull cursor reaches the last of them. The cursor the server keeps
 * (pull_cursors) is the one a browser sends when it pulls again, so a browser counts once it
 * came back after applying the erasure: confirmed, never assumed. Active browsers are those the
 * change-log compaction waits for: a live token of an active user that pulled within
 * `activeClientDays`; one idle for longer erases on next contact (its cursor is then below the
 * compacted floor or pulls the erasure like any other change).
 */
export const erasureProgress = new Hono<AppEnv>().get('/:id', validate('param', idParam), async (c) => {
  const { orgId } = c.get('auth');
  const { id } = c.req.valid('param');
  const db = c.env.DB;
  const erasure = await db
    .prepare(
      `SELECT max(seq) AS seq, min(created_at) AS at FROM changes
        WHERE org_id = ?1 AND mutation_id = (SELECT mutation_id FROM changes WHERE org_id = ?1 AND tbl IN (SELECT value FROM json_each(?3)) AND record_id = ?2 AND op = 'erase' ORDER BY seq DESC LIMIT 1)`,
    )
    .bind(orgId, id, JSON.stringify(Object.keys(ERASABLE)))
    .first<{ seq: number | null; at: string | null }>();
  if (!erasure?.seq || !erasure.at) throw new ApiFailure(404, 'erasure_not_found', `Application or staff record ${id} has not been erased in your organisation`);
  const now = new Date();
  const settings = await readSettings(db, orgId);
  const activeSince = new Date(now.getTime() - settings.activeClientDays * DAY_MS).toISOString();
  const { results } = await db
    .prepare(
      `SELECT k.prefix, u.id AS user_id, u.name, u.role, p.cursor, p.pulled_at
         FROM pull_cursors p
         JOIN credentials k ON k.org_id = p.org_id AND k.id = p.credential_id
         JOIN users u ON u.org_id = k.org_id AND u.id = k.user_id
        WHERE p.org_id = ?1 AND p.pulled_at >= ?2 AND k.revoked_at IS NULL AND k.expires_at > ?3 AND u.active = 1
        ORDER BY u.name, k.prefix`,
    )
    .bind(orgId, activeSince, now.toISOString())
    .all<BrowserRow>();
  const browsers = results.map((r) => ({
    tokenPrefix: r.prefix,
    userId: r.user_id,
    userName: r.name,
    role: r.role,
    lastPulledAt: r.pulled_at,
    pulledPast: r.cursor >= erasure.seq!,
  }));
  const body: ErasureProgressResponse = {
    applicationId: id,
    erasedAt: erasure.at,
    changeSeq: erasure.seq,
    activeSince,
    browsers,
    pulledPast: browsers.filter((b) => b.pulledPast).length,
    active: browsers.length,
  };
  return c.json(body, 200);
});
