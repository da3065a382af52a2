import type { AuthContext } from '../env';

/**
 * One audit row for an admin or account action, as a statement to run in the same
 * db.batch() as the change it records: both are written, or neither.
 */
export function auditRow(db: D1Database, auth: AuthContext, action: string, table: string | null, recordId: string | null, fields: string[] | null, at = new Date().toISOString()) {
  return db
    .prepare('INSERT INTO audit_log (org_id, at, user_id, credential_id, client_id, action, tbl, record_id, fields) VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6, ?7, ?8)')
    .bind(auth.orgId, at, auth.userId, auth.credentialId, action, table, recordId, fields ? JSON.stringify(fields) : null);
}
