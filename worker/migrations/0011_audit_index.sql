-- Push speed (issue 15): every change a push applies writes a row of audit_log, and each of its
-- indexes is one more b-tree insert per change. audit_log_org_record (org_id, record_id) did
-- the work of audit_log_org_record_id (org_id, tbl, record_id, id) for the one query that named
-- no table, a candidate's export (worker/src/db/export.ts), which now names the three tables of
-- a candidate's records and searches the other index.
DROP INDEX IF EXISTS audit_log_org_record;
