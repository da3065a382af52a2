import type { ExportResponse, StaffExport } from '#shared/api/index';
import { ERASURE_DEPENDENTS, namedIds } from '#shared/sync/erasure';
import { tableSql } from './records';

type ConflictRow = Record<string, string>;
type ChangeRow = { seq: number; tbl: string; record_id: string; op: string; payload: string | null; created_at: string };
type AuditRow = { at: string; user_id: string | null; action: string; tbl: string | null; record_id: string | null; fields: string | null };

const conflictOf = (r: ConflictRow) => ({
  id: r.id,
  field: r.field,
  losingValue: JSON.parse(r.losing_value ?? 'null'),
  winningValue: JSON.parse(r.winning_value ?? 'null'),
  losingHlc: r.losing_hlc,
  winningHlc: r.winning_hlc,
  at: r.created_at,
});
const changeOf = (r: ChangeRow) => ({ seq: r.seq, table: r.tbl, recordId: r.record_id, op: r.op, payload: r.payload ? JSON.parse(r.payload) : null, at: r.created_at });
const auditOf = (r: AuditRow) => ({ at: r.at, userId: r.user_id, action: r.action, table: r.tbl, recordId: r.record_id, fields: r.fields ? JSON.parse(r.fields) : null });

/**
 * The audit of a candidate's records (?2: the ids of the application, its stage events and
 * checks), by table and id as the change log above is read: the index audit_log_org_record_id.
 */
export const APPLICATION_AUDIT_SQL = `SELECT at, user_id, action, tbl, record_id, fields FROM audit_log
  WHERE org_id = ?1 AND tbl IN ('applications', 'stage_events', 'checks') AND record_id IN (SELECT value FROM json_each(?2)) ORDER BY id`;

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
    db.prepare(APPLICATION_AUDIT_SQL).bind(orgId, JSON.stringify(ids)),
  ]);
  return {
    applicationId,
    generatedAt: new Date().toISOString(),
    application: JSON.parse(a.data),
    deleted: !!a.deleted,
    erased: !!a.erased,
    stageEvents: ev.map((e) => JSON.parse(e.data)),
    checks: ch.map((e) => JSON.parse(e.data)),
    conflicts: (conflicts!.results as ConflictRow[]).map(conflictOf),
    changes: (changes!.results as ChangeRow[]).map(changeOf),
    audit: (audit!.results as AuditRow[]).map(auditOf),
  };
}

/**
 * Everything held about one member of staff: their staff record and every record that concerns
 * them (shared/sync/erasure.ts), with the conflicts, change log and audit entries of them all.
 */
export async function exportStaff(db: D1Database, orgId: string, staffId: string): Promise<StaffExport | null> {
  const root = await db.prepare('SELECT data, deleted, erased FROM staff WHERE org_id = ?1 AND id = ?2').bind(orgId, staffId).first<{ data: string; deleted: number; erased: number }>();
  if (!root) return null;
  const ids = new Map<string, string[]>([['staff', [staffId]]]);
  const records: Record<string, Record<string, unknown>[]> = {};
  for (const d of ERASURE_DEPENDENTS.staff) {
    const { results } = await db
      .prepare(`SELECT data FROM ${tableSql(d.table)} WHERE org_id = ?1 AND json_extract(data, '$.${d.link}') IN (SELECT value FROM json_each(?2)) ORDER BY created_at, id`)
      .bind(orgId, JSON.stringify(ids.get(d.parent) ?? []))
      .all<{ data: string }>();
    const rows = results.map((r) => JSON.parse(r.data) as Record<string, unknown>);
    records[d.table] = [...(records[d.table] ?? []), ...rows];
    ids.set(d.table, [...(ids.get(d.table) ?? []), ...rows.map((r) => String(r.id))]);
  }
  // The posts they held, left or moved into, for their notes (which the erasure takes too); the
  // posts' own history concerns their other holders, so it is not part of this person's answer.
  const staffRecord = JSON.parse(root.data) as Record<string, unknown>;
  for (const [t, list] of namedIds('staff', (t) => (t === 'staff' ? [staffRecord] : (records[t] ?? [])))) {
    const { results } = await db
      .prepare(`SELECT data FROM ${tableSql(t)} WHERE org_id = ?1 AND id IN (SELECT value FROM json_each(?2)) ORDER BY created_at, id`)
      .bind(orgId, JSON.stringify([...list]))
      .all<{ data: string }>();
    records[t] = results.map((r) => JSON.parse(r.data) as Record<string, unknown>);
  }
  const pairs = JSON.stringify([...ids].flatMap(([t, list]) => list.map((id) => [t, id])));
  const inPairs = (tbl: string, rec: string) => `EXISTS (SELECT 1 FROM json_each(?2) p WHERE p.value->>0 = ${tbl} AND p.value->>1 = ${rec})`;
  const [conflicts, changes, audit] = await db.batch([
    db.prepare(`SELECT id, field, losing_value, winning_value, losing_hlc, winning_hlc, created_at FROM conflicts WHERE org_id = ?1 AND ${inPairs('tbl', 'record_id')}`).bind(orgId, pairs),
    db.prepare(`SELECT seq, tbl, record_id, op, payload, created_at FROM changes WHERE org_id = ?1 AND ${inPairs('tbl', 'record_id')} ORDER BY seq`).bind(orgId, pairs),
    db.prepare(`SELECT at, user_id, action, tbl, record_id, fields FROM audit_log WHERE org_id = ?1 AND ${inPairs('tbl', 'record_id')} ORDER BY id`).bind(orgId, pairs),
  ]);
  return {
    staffId,
    staff: staffRecord,
    deleted: !!root.deleted,
    erased: !!root.erased,
    records,
    conflicts: (conflicts!.results as ConflictRow[]).map(conflictOf),
    changes: (changes!.results as ChangeRow[]).map(changeOf),
    audit: (audit!.results as AuditRow[]).map(auditOf),
  };
}
