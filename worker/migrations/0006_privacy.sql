-- Data protection (issue 12): retention of the change log, and an audit trail that can be read.

-- Where each token (one per browser, as a rule) has pulled to, and when: the daily compaction
-- of the change log waits for every browser that pulled within the active period.
CREATE TABLE pull_cursors (
  org_id TEXT NOT NULL,
  credential_id TEXT NOT NULL,
  cursor INTEGER NOT NULL,
  pulled_at TEXT NOT NULL,
  PRIMARY KEY (org_id, credential_id)
) WITHOUT ROWID;

-- The highest change-log sequence compacted away, per organisation. A pull from a cursor
-- below it (a browser idle for longer than the active period) answers 409: start from zero.
CREATE TABLE change_log_floors (
  org_id TEXT PRIMARY KEY,
  floor INTEGER NOT NULL,
  compacted_at TEXT NOT NULL
);

-- The audit reader filters by record and by user, newest first, paging by id.
CREATE INDEX audit_log_org_record_id ON audit_log (org_id, tbl, record_id, id);
CREATE INDEX audit_log_org_user_id ON audit_log (org_id, user_id, id);
