import type { TeamScope } from '#shared/sync/scope';

/**
 * The retention side of a manager's need-to-know (shared/sync/scope.ts `teamScope`), asked of D1
 * in one statement that joins the reader's pull batch: the live posts of the teams they manage
 * (`teams.managerId`), each with the live leavers who left it.
 */
export const teamScopeStatement = (db: D1Database, orgId: string, userId: string): D1PreparedStatement =>
  db
    .prepare(
      `SELECT p.id,
              (SELECT json_group_array(l.id) FROM leavers l
                WHERE l.org_id = ?1 AND l.deleted = 0 AND l.data->>'$.postId' = p.id) AS leaver_ids
         FROM posts p
        WHERE p.org_id = ?1 AND p.deleted = 0
          AND p.data->>'$.teamId' IN (SELECT id FROM teams WHERE org_id = ?1 AND deleted = 0 AND data->>'$.managerId' = ?2)`,
    )
    .bind(orgId, userId);

export function teamScopeOf(result: D1Result): TeamScope {
  const rows = result.results as { id: string; leaver_ids: string }[];
  return { posts: new Set(rows.map((r) => r.id)), leavers: new Set(rows.flatMap((r) => JSON.parse(r.leaver_ids) as string[])) };
}
