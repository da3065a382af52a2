/** Bindings and variables of the Shortlist worker (see wrangler.jsonc). */
export interface Env {
  DB: D1Database;
  /** Comma-separated extra origins allowed by CORS. */
  ALLOWED_ORIGINS: string;
}
