-- Data protection (issue 12): the audit trail keeps the new values of fields that are not
-- personal data (shared/schema/personal.ts: `none`), as a JSON object field -> value; for
-- personal fields only their names (in `fields`). Null: no values (older entries, deletions,
-- erasures, admin actions).
ALTER TABLE audit_log ADD COLUMN field_values TEXT;
