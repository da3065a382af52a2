import type { AccountRow } from './account';

/** A credential as requireAuth looks it up: the token's row with its user and organisation. */
export interface CredentialRow extends AccountRow {
  credential_id: string;
  last_used_at: string | null;
}

/**
 * How long this isolate trusts a credential it looked up, without asking D1 again. The bound
 * on a change made elsewhere (another isolate, `scripts/admin.mjs` on D1 directly): a revoked
 * token, a deactivated user or a changed role is refused or applied at the latest this long
 * after the change. A change made through this isolate's API is applied at once (see `forget`).
 * Expiry is checked on every request from the cached `expires_at`, so it is exact.
 */
export const CREDENTIAL_CACHE_MS = 10_000;
/** Enough for every token of a large council at once; past it, expired entries go first, then all. */
const MAX_ENTRIES = 5_000;

interface Entry {
  row: CredentialRow;
  until: number;
}

/**
 * Per-isolate memory of the credentials requests presented, by token hash: 50 clients syncing
 * at once otherwise each pay a D1 round trip for the same row before any work. Only tokens that
 * were accepted are kept (a refusal is looked up again each time, and counted by the
 * failed-sign-in limit). docs/security.md "Credential cache" gives the trade-off.
 */
class CredentialCache {
  private readonly entries = new Map<string, Entry>();

  get(tokenHash: string, now = Date.now()): CredentialRow | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (now >= entry.until) {
      this.entries.delete(tokenHash);
      return null;
    }
    return entry.row;
  }

  set(tokenHash: string, row: CredentialRow, now = Date.now()): void {
    if (this.entries.size >= MAX_ENTRIES) {
      for (const [key, entry] of this.entries) if (now >= entry.until) this.entries.delete(key);
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    }
    this.entries.set(tokenHash, { row, until: now + CREDENTIAL_CACHE_MS });
  }

  /** Records a last-seen write so the next request of this token does not make it again. */
  touched(tokenHash: string, at: string): void {
    const entry = this.entries.get(tokenHash);
    if (entry) entry.row = { ...entry.row, last_used_at: at };
  }

  /**
   * Drops every cached credential of an organisation: called after any request that may change
   * its users or tokens (index.ts), so this isolate answers the next request from D1.
   */
  forget(orgId: string): void {
    for (const [key, entry] of this.entries) if (entry.row.org_id === orgId) this.entries.delete(key);
  }

  /** Drops everything: tests that change users or tokens in D1 directly, as another isolate would. */
  clear(): void {
    this.entries.clear();
  }
}

export const credentialCache = new CredentialCache();
