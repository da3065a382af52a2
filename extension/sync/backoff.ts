/**
 * When automatic syncs may try again after failures. Exponential with jitter, capped; a
 * server's Retry-After is honoured when it asks for longer. Every automatic trigger (the
 * minute alarm, local changes, the scheduled retry) waits for `nextAttemptAt`; only a person
 * pressing "Sync now" goes earlier.
 */
export const BASE_BACKOFF_MS = 2000;
export const MAX_BACKOFF_MS = 5 * 60_000;
/** A Retry-After beyond this is taken as a mistake of the server, not a reason to stop syncing for a day. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

export interface Backoff {
  failures: number;
  /** Epoch milliseconds. */
  nextAttemptAt: number;
}

export function afterFailure(previous: Backoff | null, retryAfterMs: number | undefined, now: number, random: () => number = Math.random): Backoff {
  const failures = (previous?.failures ?? 0) + 1;
  const exponential = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (failures - 1) * (0.5 + random()));
  const asked = Math.min(MAX_RETRY_AFTER_MS, retryAfterMs ?? 0);
  return { failures, nextAttemptAt: now + Math.max(exponential, asked) };
}

export const mayTryNow = (backoff: Backoff | null, now: number) => !backoff || now >= backoff.nextAttemptAt;
