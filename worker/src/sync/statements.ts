import { PERSONAL_FIELDS, type ConflictRecord } from '#shared/schema/index';
import { chunkJson } from '../db/chunk';
import { tableSql } from '../db/records';
import type { AuthContext } from '../env';
import type { Store } from './store';

export interface ChangeEntry {
  t: string;
  r: string;
  op: 'create' | 'update' | 'delete' | 'erase' | 'conflict';
  /** JSON of the fields applied, or null. */
  p: string | null;
  m: string | null;
}
export interface AuditEntry {
  a: string;
  t: string | null;
  r: string | null;
  /** JSON array of field names (never values). */
  f: string | null;
}
export type ConflictEntry = ConflictRecord;

interface WritePlan {
  auth: AuthContext;
  clientId: string | null;
  nowIso: string;
  baseSeq: number;
  newLastSeq: number;
  appliedMutations: { m: string; s: number }[];
  changes: ChangeEntry[];
  audit: AuditEntry[];
  conflicts: ConflictEntry[];
  erasedApps: string[];
}

/**
 * The statements of one push, in order: guards, change log (AUTOINCREMENT seq in order),
 * records (server_seq = their latest change), conflicts, client state, applied ids, audit,
 * erasure scrubbing of the change log, and finally emptying the guard table.
 */
export function buildWriteBatch(db: D1Database, store: Store, p: WritePlan): D1PreparedStatement[] {
  const { orgId, userId, credentialId } = p.auth;
  const out: D1PreparedStatement[] = [...store.guards()];
  if (p.clientId) {
    out.push(
      db
        .prepare('INSERT INTO sync_guard (expected, actual) SELECT ?3, coalesce((SELECT last_seq FROM sync_clients WHERE org_id = ?1 AND client_id = ?2), 0)')
        .bind(orgId, p.clientId, p.baseSeq),
    );
  }
  for (const part of chunkJson(p.changes)) {
    out.push(
      db
        .prepare(
          `INSERT INTO changes (org_id, tbl, record_id, op, payload, user_id, client_id, mutation_id, created_at)
           SELECT ?1, j.value->>'t', j.value->>'r', j.value->>'op', j.value->>'p', ?2, ?3, j.value->>'m', ?4 FROM json_each(?5) j ORDER BY j.key`,
        )
        .bind(orgId, userId, p.clientId, p.nowIso, part),
    );
  }
  for (const t of store.changedTables()) {
    const rows = store.changedRows(t).map((s) => ({
      id: s.id,
      d: JSON.stringify(s.data),
      c: JSON.stringify(s.clocks),
      a: JSON.stringify(s.arrivals),
      del: s.deleted ? 1 : 0,
      e: s.erased ? 1 : 0,
      ca: s.createdAt,
    }));
    const tb = tableSql(t);
    for (const part of chunkJson(rows)) {
      out.push(
        db
          .prepare(
            `INSERT INTO ${tb} (org_id, id, data, clocks, arrivals, deleted, erased, server_seq, created_at, updated_at)
             SELECT ?1, j.value->>'id', j.value->>'d', j.value->>'c', j.value->>'a', j.value->>'del', j.value->>'e',
                    (SELECT max(seq) FROM changes WHERE org_id = ?1 AND tbl = ?2 AND record_id = j.value->>'id'), j.value->>'ca', ?3
               FROM json_each(?4) j WHERE true
             ON CONFLICT (org_id, id) DO UPDATE SET data = excluded.data, clocks = excluded.clocks, arrivals = excluded.arrivals,
               deleted = excluded.deleted, erased = excluded.erased, server_seq = excluded.server_seq, updated_at = excluded.updated_at`,
          )
          .bind(orgId, t, p.nowIso, part),
      );
    }
  }
  const conflictRows = p.conflicts.map((c) => ({
    id: c.id,
    t: c.table,
    r: c.recordId,
    f: c.field,
    lv: JSON.stringify(c.losingValue ?? null),
    wv: JSON.stringify(c.winningValue ?? null),
    lh: c.losingHlc,
    wh: c.winningHlc,
  }));
  for (const part of chunkJson(conflictRows)) {
    out.push(
      db
        .prepare(
          `INSERT INTO conflicts (org_id, id, tbl, record_id, field, losing_value, winning_value, losing_hlc, winning_hlc, created_at, server_seq)
           SELECT ?1, j.value->>'id', j.value->>'t', j.value->>'r', j.value->>'f', j.value->>'lv', j.value->>'wv', j.value->>'lh', j.value->>'wh', ?2,
                  (SELECT max(seq) FROM changes WHERE org_id = ?1 AND tbl = 'conflicts' AND record_id = j.value->>'id')
             FROM json_each(?3) j`,
        )
        .bind(orgId, p.nowIso, part),
    );
  }
  if (p.clientId) {
    out.push(
      db
        .prepare(
          `INSERT INTO sync_clients (org_id, client_id, user_id, last_seq, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
           ON CONFLICT (org_id, client_id) DO UPDATE SET last_seq = excluded.last_seq, updated_at = excluded.updated_at`,
        )
        .bind(orgId, p.clientId, userId, p.newLastSeq, p.nowIso),
    );
    for (const part of chunkJson(p.appliedMutations)) {
      out.push(
        db
          .prepare(
            `INSERT INTO applied_mutations (org_id, mutation_id, client_id, seq, applied_at)
             SELECT ?1, j.value->>'m', ?2, j.value->>'s', ?3 FROM json_each(?4) j`,
          )
          .bind(orgId, p.clientId, p.nowIso, part),
      );
    }
  }
  out.push(...auditStatements(db, p.auth, p.clientId, p.nowIso, p.audit));
  for (const appId of new Set(p.erasedApps)) {
    const related = [...store.all('stage_events'), ...store.all('checks')].filter((r) => r.data.applicationId === appId).map((r) => r.id);
    out.push(...eraseScrubStatements(db, orgId, appId, related));
  }
  out.push(db.prepare('DELETE FROM sync_guard'));
  void credentialId;
  return out;
}

export function auditStatements(db: D1Database, auth: AuthContext, clientId: string | null, nowIso: string, audit: AuditEntry[]): D1PreparedStatement[] {
  return chunkJson(audit).map((part) =>
    db
      .prepare(
        `INSERT INTO audit_log (org_id, at, user_id, credential_id, client_id, action, tbl, record_id, fields)
         SELECT ?1, ?2, ?3, ?4, ?5, j.value->>'a', j.value->>'t', j.value->>'r', j.value->>'f' FROM json_each(?6) j ORDER BY j.key`,
      )
      .bind(auth.orgId, nowIso, auth.userId, auth.credentialId, clientId, part),
  );
}

const PERSONAL_PATHS = PERSONAL_FIELDS.map((f) => `'$.${f}', NULL`).join(', ');

/** Erasure reaches the change log and the conflicts too: personal values there become null. */
export function eraseScrubStatements(db: D1Database, orgId: string, appId: string, relatedIds: string[]): D1PreparedStatement[] {
  return [
    db
      .prepare(`UPDATE changes SET payload = json_replace(payload, ${PERSONAL_PATHS}) WHERE org_id = ?1 AND tbl = 'applications' AND record_id = ?2 AND payload IS NOT NULL`)
      .bind(orgId, appId),
    ...chunkJson(relatedIds).map((part) =>
      db
        .prepare(
          `UPDATE changes SET payload = json_replace(payload, '$.note', NULL)
            WHERE org_id = ?1 AND tbl IN ('stage_events', 'checks') AND record_id IN (SELECT value FROM json_each(?2)) AND payload IS NOT NULL`,
        )
        .bind(orgId, part),
    ),
    db
      .prepare(
        `UPDATE conflicts SET losing_value = 'null', winning_value = 'null'
          WHERE org_id = ?1 AND tbl = 'applications' AND record_id = ?2 AND field IN (SELECT value FROM json_each(?3))`,
      )
      .bind(orgId, appId, JSON.stringify(PERSONAL_FIELDS)),
  ];
}
