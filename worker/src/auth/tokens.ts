/**
 * Bearer tokens: `sl_` + 32 random bytes in base64url. Only the SHA-256 (hex, of the whole
 * token string as UTF-8) is stored; scripts/admin.mjs hashes exactly the same way.
 */
export const TOKEN_PREFIX = 'sl_';
/** How many characters of a token are kept for display ("sl_AbCdEfGh"). */
export const DISPLAY_PREFIX_LENGTH = 11;

export function generateToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return TOKEN_PREFIX + btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const displayPrefix = (token: string) => token.slice(0, DISPLAY_PREFIX_LENGTH);

/**
 * A new token for a user and the statement that stores it, to run in a batch with its audit
 * row. The insert adds nothing unless the user is active when it runs, so a deactivation
 * racing with it cannot leave a token that reactivation would bring back.
 */
export async function prepareToken(db: D1Database, orgId: string, userId: string, days: number) {
  const token = generateToken();
  const id = crypto.randomUUID();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + days * 86_400_000).toISOString();
  const statement = db
    .prepare(
      `INSERT INTO credentials (id, org_id, user_id, token_hash, prefix, created_at, expires_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE EXISTS (SELECT 1 FROM users WHERE org_id = ?2 AND id = ?3 AND active = 1)`,
    )
    .bind(id, orgId, userId, await hashToken(token), displayPrefix(token), now.toISOString(), expiresAt);
  return { statement, token, id, prefix: displayPrefix(token), expiresAt, createdAt: now.toISOString() };
}

/** Creates a credential row for an active user at once (scripts and tests); returns the token (shown once) and the row. */
export async function issueToken(db: D1Database, orgId: string, userId: string, days: number) {
  const { statement, ...issued } = await prepareToken(db, orgId, userId, days);
  const res = await statement.run();
  if (!res.meta.changes) throw new Error(`user ${userId} is not an active user of organisation ${orgId}`);
  return issued;
}
