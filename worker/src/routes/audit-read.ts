import { Hono } from 'hono';
import { auditQuery, type AuditResponse } from '#shared/api/index';
import type { AppEnv } from '../env';
import { validate } from '../middleware/validate';
import { RETENTION_USER_ID } from '../retention/actor';

interface AuditRow {
  id: number;
  at: string;
  user_id: string | null;
  user_name: string | null;
  action: string;
  tbl: string | null;
  record_id: string | null;
  fields: string | null;
  field_values: string | null;
}

/**
 * `GET /v1/admin/audit` (admin and central, index.ts): the organisation's audit trail, newest
 * first, filtered by record (table + id), user and time range (`from` inclusive, `to`
 * exclusive), paged by entry id. The trail holds field names, never values, so it survives a
 * candidate's erasure with nothing personal of theirs in it.
 */
export const auditRead = new Hono<AppEnv>().get('/', validate('query', auditQuery), async (c) => {
  const q = c.req.valid('query');
  const { results } = await c.env.DB.prepare(
    `SELECT a.id, a.at, a.user_id, u.name AS user_name, a.action, a.tbl, a.record_id, a.fields, a.field_values
       FROM audit_log a LEFT JOIN users u ON u.org_id = a.org_id AND u.id = a.user_id
      WHERE a.org_id = ?1
        AND (?2 IS NULL OR a.tbl = ?2) AND (?3 IS NULL OR a.record_id = ?3) AND (?4 IS NULL OR a.user_id = ?4)
        AND (?5 IS NULL OR a.at >= ?5) AND (?6 IS NULL OR a.at < ?6) AND (?7 IS NULL OR a.id < ?7)
      ORDER BY a.id DESC
      LIMIT ?8`,
  )
    .bind(c.get('auth').orgId, q.table ?? null, q.recordId ?? null, q.userId ?? null, utc(q.from), utc(q.to), q.cursor ? Number(q.cursor) : null, q.limit + 1)
    .all<AuditRow>();
  const page = results.slice(0, q.limit);
  const body: AuditResponse = {
    entries: page.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      userName: r.user_id === RETENTION_USER_ID ? 'Retention schedule' : r.user_name,
      action: r.action,
      table: r.tbl,
      recordId: r.record_id,
      fields: r.fields ? (JSON.parse(r.fields) as string[]) : null,
      values: r.field_values ? (JSON.parse(r.field_values) as Record<string, unknown>) : null,
    })),
    nextCursor: results.length > q.limit ? String(page.at(-1)!.id) : null,
  };
  return c.json(body, 200);
});

/** Audit times are stored as UTC ISO strings: compare against the same form. */
const utc = (at: string | undefined) => (at ? new Date(at).toISOString() : null);
