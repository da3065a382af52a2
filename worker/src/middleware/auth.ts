import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { authContextOf } from '../auth/account';
import { credentialCache, type CredentialRow } from '../auth/credential-cache';
import { ApiFailure } from '../errors';
import { hashToken } from '../auth/tokens';
import { signInFailures } from './rate-limit';

const ASK = 'ask your admin for a new one';
const day = (iso: string) => iso.slice(0, 10);

/** Last seen is written at most this often per token, so reads do not each cost a D1 write. */
const LAST_SEEN_EVERY_MS = 300_000;

function refusal(row: CredentialRow | null, now: Date): ApiFailure | null {
  if (!row) return new ApiFailure(401, 'invalid_token', `This token is not recognised: check it was copied whole, or ${ASK}`);
  if (row.revoked_at) return new ApiFailure(401, 'token_revoked', `This token was revoked on ${day(row.revoked_at)}; ${ASK}`);
  if (row.expires_at <= now.toISOString()) return new ApiFailure(401, 'token_expired', `This token expired on ${day(row.expires_at)}; ${ASK}`);
  if (!row.active) return new ApiFailure(401, 'user_inactive', 'Your account has been deactivated; ask your admin if this is a mistake');
  return null;
}

/**
 * `Authorization: Bearer <token>`. The organisation and the user come from the credential,
 * never from the request. 401 with a message saying what to do for a missing, unknown,
 * expired or revoked token, or a deactivated user. An address with too many failed look-ups
 * is refused (429) before the D1 query. An accepted credential is kept for a few seconds
 * (auth/credential-cache.ts: the bound on a change made elsewhere).
 */
export const requireAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('Authorization');
  if (!header) throw new ApiFailure(401, 'missing_token', `Send the header "Authorization: Bearer <token>"; if you have no token, ${ASK.replace('a new one', 'one')}`);
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new ApiFailure(401, 'malformed_authorization', 'The Authorization header must read "Bearer <token>"');
  const token = match[1]!;
  signInFailures.refuseIfOver(c);
  const tokenHash = await hashToken(token);
  // From this isolate's cache when it looked the token up in the last few seconds; only a
  // fresh look-up is cached, so a token in constant use is still read again every CREDENTIAL_CACHE_MS.
  const cached = credentialCache.get(tokenHash);
  const row = cached ?? (await lookUp(c.env.DB, tokenHash));
  const now = new Date();
  const refused = refusal(row, now);
  if (refused || !row) {
    signInFailures.record(c);
    throw refused;
  }
  if (!cached) credentialCache.set(tokenHash, row);

  c.set('auth', authContextOf(row, row.credential_id, row.expires_at));

  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > LAST_SEEN_EVERY_MS) {
    credentialCache.touched(tokenHash, now.toISOString());
    const write = c.env.DB.prepare('UPDATE credentials SET last_used_at = ?1 WHERE id = ?2').bind(now.toISOString(), row.credential_id).run().catch(() => undefined);
    try {
      c.executionCtx.waitUntil(write);
    } catch {
      await write; // no execution context (app.request in tests)
    }
  }
  await next();
};

/** The token's credential, user and organisation in one query. */
const lookUp = (db: D1Database, tokenHash: string) =>
  db
    .prepare(
      `SELECT c.id AS credential_id, c.org_id, o.name AS org_name, u.id AS user_id, u.name AS user_name, u.email, u.role, u.active,
              c.expires_at, c.revoked_at, c.last_used_at
         FROM credentials c JOIN users u ON u.id = c.user_id AND u.org_id = c.org_id JOIN organisations o ON o.id = c.org_id
        WHERE c.token_hash = ?1`,
    )
    .bind(tokenHash)
    .first<CredentialRow>();

/**
 * After a request to a route that may change an organisation's users or tokens (the admin API,
 * /v1/me's sign-out), this isolate forgets the organisation's cached credentials, so a revoked
 * token, a deactivated user or a new role is refused or applied from the very next request
 * (auth/credential-cache.ts). Forgets after failures too: a batch may have run before an error.
 */
export const forgetsCredentials: MiddlewareHandler<AppEnv> = async (c, next) => {
  try {
    await next();
  } finally {
    if (!SAFE_METHODS.has(c.req.method)) credentialCache.forget(c.get('auth').orgId);
  }
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
