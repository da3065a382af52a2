import type { PersonRow } from '#shared/api/index';

interface Row {
  id: string;
  name: string;
  email: string;
  role: PersonRow['role'];
  team_id: string | null;
  active: number;
  created_at: string;
  last_seen_at: string | null;
  active_tokens: number;
  invitation_expires_at: string | null;
}

/** The admin console's people list: each user with their team, last seen, live tokens and open invitation. */
export async function listPeople(db: D1Database, orgId: string, userId?: string): Promise<PersonRow[]> {
  const now = new Date().toISOString();
  const rows = await db
    .prepare(
      `SELECT u.id, u.name, u.email, u.role, u.team_id, u.active, u.created_at,
              (SELECT max(c.last_used_at) FROM credentials c WHERE c.org_id = u.org_id AND c.user_id = u.id) AS last_seen_at,
              (SELECT count(*) FROM credentials c WHERE c.org_id = u.org_id AND c.user_id = u.id AND c.revoked_at IS NULL AND c.expires_at > ?3) AS active_tokens,
              (SELECT max(i.expires_at) FROM invitations i WHERE i.org_id = u.org_id AND i.user_id = u.id AND i.redeemed_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ?3) AS invitation_expires_at
         FROM users u WHERE u.org_id = ?1 AND (?2 IS NULL OR u.id = ?2) ORDER BY u.name`,
    )
    .bind(orgId, userId ?? null, now)
    .all<Row>();
  return rows.results.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    teamId: r.team_id,
    active: r.active === 1,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    activeTokens: r.active_tokens,
    invitationExpiresAt: r.invitation_expires_at,
  }));
}
