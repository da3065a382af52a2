-- Security hardening (issue 11).

-- A deactivated user's tokens die with the deactivation: reactivating them must not bring
-- old tokens back. Tokens of users already inactive are revoked here; from now on the admin
-- API revokes them in the same batch that deactivates (worker/src/routes/admin.ts).
UPDATE credentials
   SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
 WHERE revoked_at IS NULL
   AND user_id IN (SELECT id FROM users WHERE active = 0);

-- Invariant checks inside an admin batch: a statement inserts ok = 0 when the batch would
-- break a rule (the last active admin removed or demoted); the CHECK then aborts the whole
-- batch (a D1 batch is one transaction). The batch's last statement empties the table.
CREATE TABLE admin_guard (
  rule TEXT NOT NULL,
  ok INTEGER NOT NULL,
  CONSTRAINT admin_rule_broken CHECK (ok = 1)
);
