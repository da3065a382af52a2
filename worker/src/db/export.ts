import type { ExportResponse } from '#shared/api/index';

/** Everything held about one candidate, for a subject access request. */
export async function exportApplication(db: D1Database, orgId: string, applicationId: string): Promise<ExportResponse | null> {
  const [app, events, checks, conflicts] = await db.batch([
    db.prepare('SELECT data, deleted, erased FROM applications WHERE org_id = ?1 AND id = ?2').bind(orgId, applicationId),
    db.prepare(`SELECT id, data FROM stage_events WHERE org_id = ?1 AND json_extract(data, '$.applicationId') = ?2`).bind(orgId, applicationId),
    db.prepare(`SELECT id, data FROM checks WHERE org_id = ?1 AND json_extract(data, '$.applicationId') = ?2`).bind(orgId, applicationId),
    db
      .prepare('SELECT id, field, losing_value, winning_value, losing_hlc, winning_hlc, created_at FROM conflicts WHERE org_id = ?1 AND tbl = ?2 AND record_id = ?3')
      .bind(orgId, 'applications', applicationId),
  ]);
  const a = (app!.results as { data: string; deleted: number; erased: number }[])[0];
  if (!a) return null;
  const ev = events!.results as { id: string; data: string }[];
  const ch = checks!.results as { id: string; data: string }[];
  const ids = [applicationId, ...ev.map((e) => e.id), ...ch.map((e) => e.id)];
  const [changes, audit] = await db.batch([
    db
      .prepare(
        `SELECT seq, tbl, record_id, op, payload, created_at FROM changes
          WHERE org_id = ?1 AND tbl IN ('applications', 'stage_events', 'checks') AND record_id IN (SELECT value FROM json_each(?2)) ORDER BY seq`,
      )
      .bind(orgId, JSON.stringify(ids)),
    db
      .prepare(`SELECT at, user_id, action, tbl, record_id, fields FROM audit_log WHERE org_id = ?1 AND record_id IN (SELECT value FROM json_each(?2)) ORDER BY id`)
      .bind(orgId, JSON.stringify(ids)),
  ]);
  return {
    applicationId,
    generatedAt: new Date().toISOString(),
    application: JSON.parse(a.data),
    deleted: !!a.deleted,
    erased: !!a.erased,
    stageEvents: ev.map((e) => JSON.parse(e.data)),
    checks: ch.map((e) => JSON.parse(e.data)),
    conflicts: (conflicts!.results as Record<string, string>[]).map((r) => ({
      id: r.id,
      field: r.field,
      losingValue: JSON.parse(r.losing_value ?? 'null'),
      winningValue: JSON.parse(r.winning_value ?? 'null'),
      losingHlc: r.losing_hlc,
      winningHlc: r.winning_hlc,
      at: r.created_at,
    })),
    changes: (changes!.results as { seq: number; tbl: string; record_id: string; op: string; payload: string | null; created_at: string }[]).map((r) => ({
      seq: r.seq,
      table: r.tbl,
      recordId: r.record_id,
      op: r.op,
      payload: r.payload ? JSON.parse(r.payload) : null,
      at: r.created_at,
    })),
    audit: (audit!.results as { at: string; user_id: string | null; action: string; tbl: string | null; record_id: string | null; fields: string | null }[]).map((r) => ({
      at: r.at,
      userId: r.user_id,
      action: r.action,
      table: r.tbl,
      recordId: r.record_id,
      fields: r.fields ? JSON.parse(r.fields) : null,
    })),
  };
}
