/**
 * D1 returns transient errors in production (network resets, an object being moved or
 * overloaded). Every write of the worker is idempotent, so it is retried with backoff.
 */
const TRANSIENT = /network connection lost|connection reset|socket|timed? ?out|overloaded|temporar|internal error|reset because|storage caused object|D1_ERROR: (?:Network|Internal)|try again/i;

export const isTransient = (err: unknown) => TRANSIENT.test(err instanceof Error ? err.message : String(err));

/** A push batch failed its optimistic guard: a concurrent write changed what we read. */
export const isGuardFailure = (err: unknown) =>
  /rows_changed_concurrently|UNIQUE constraint failed: (?:applied_mutations|changes|\w+\.org_id, \w+\.id)/i.test(err instanceof Error ? err.message : String(err));

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function withRetry<T>(fn: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= attempts || !isTransient(err)) throw err;
      await sleep(25 * 2 ** i + Math.random() * 25);
    }
  }
}
