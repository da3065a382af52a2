import type { UserRole } from '#shared/schema/index';

/** Bindings and variables of the Shortlist worker (see wrangler.jsonc). */
export interface Env {
  DB: D1Database;
  /** Comma-separated extra origins allowed by CORS. */
  ALLOWED_ORIGINS: string;
  /**
   * Comma-separated extension origins allowed by CORS (chrome-extension://<id>), once the
   * published id is known. Empty: any chrome-extension:// or moz-extension:// origin (development).
   */
  EXTENSION_ORIGINS?: string;
  /** Failed token look-ups per minute per address before 429 without a D1 query (default 60). */
  AUTH_FAILURES_PER_MINUTE?: string;
  /** Requests per minute per address to routes without a token that query D1 (/health; default 120). */
  UNAUTHENTICATED_PER_MINUTE?: string;
  /** Requests per minute per credential (default 600); see middleware/rate-limit.ts. */
  RATE_LIMIT_PER_MINUTE?: string;
}

/** Who is calling, always taken from the credential (middleware/auth.ts), never from a body. */
export interface AuthContext {
  orgId: string;
  orgName: string;
  userId: string;
  userName: string;
  email: string;
  role: UserRole;
  credentialId: string;
  tokenExpiresAt: string;
}

export type AppEnv = { Bindings: Env; Variables: { auth: AuthContext } };
