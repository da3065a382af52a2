import type { AdminUser, TokenInfo } from '#shared/api/index';

interface UserRow {
  id: string;
  name: string;
  email: string;
  role: AdminUser['role'];
  active: number;
  created_at: string;
}
interface TokenRow {
  id: string;
  user_id: string;
  prefix: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

const tokenInfo = (t: TokenRow): TokenInfo => ({
  id: t.id,
  prefix: t.prefix,
  createdAt: t.created_at,
  expiresAt: t.expires_at,
  revokedAt: t.revoked_at,
  lastUsedAt: t.last_used_at,
});

export async function listUsers(db: D1Database, orgId: string, userId?: string): Promise<AdminUser[]> {
  const [users, tokens] = await db.batch([
    db.prepare(`SELECT id, name, email, role, active, created_at FROM users WHERE org_id = ?1 AND (?2 IS NULL OR id = ?2) ORDER BY name`).bind(orgId, userId ?? null),
    db
      .prepare(`SELECT id, user_id, prefix, created_at, expires_at, revoked_at, last_used_at FROM credentials WHERE org_id = ?1 AND (?2 IS NULL OR user_id = ?2) ORDER BY created_at`)
      .bind(orgId, userId ?? null),
  ]);
  const byUser = new Map<string, TokenInfo[]>();
  for (const t of tokens!.results as unknown as TokenRow[]) byUser.set(t.user_id, [...(byUser.get(t.user_id) ?? []), tokenInfo(t)]);
  return (users!.results as unknown as UserRow[]).map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    active: !!u.active,
    createdAt: u.created_at,
    tokens: byUser.get(u.id) ?? [],
  }));
}
