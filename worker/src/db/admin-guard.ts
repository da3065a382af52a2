/**
 * Aborts the batch it is in (its CHECK fails, and a D1 batch is one transaction) when the
 * organisation would be left without an active admin. Runs after the batch's updates.
 * (The same guard as routes/admin.ts's, for the admin console's routes.)
 */
export const keepAnAdmin = (db: D1Database, orgId: string) => [
  db
    .prepare(`INSERT INTO admin_guard (rule, ok) SELECT 'last_admin', EXISTS (SELECT 1 FROM users WHERE org_id = ?1 AND role = 'admin' AND active = 1)`)
    .bind(orgId),
  db.prepare('DELETE FROM admin_guard'),
];

export const isLastAdminGuard = (err: unknown) => /admin_rule_broken/.test(err instanceof Error ? err.message : String(err));
