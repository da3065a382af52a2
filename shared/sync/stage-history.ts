import { MAX_CLOCK_SKEW_MS, parseHlc } from '../hlc';
import type { UserRole } from '../schema/index';
import type { Caller } from './people';

/**
 * Stage history is evidence (who shortlisted whom, and when), so the server decides what a
 * client cannot be trusted with:
 * - `by` is the caller, whatever the client sent;
 * - `at` is not later than the server's clock plus the skew the HLC tolerates (an event dated
 *   in the future would freeze the candidate's stage until then);
 * - an event dated well before it was entered (its mutation's clock, clamped, and never later
 *   than the server's now) is an after-the-fact record of what happened offline: only the roles
 *   whose work that is may write one, and the server marks it `recordedLate` with `enteredAt`.
 * `recordedLate` and `enteredAt` are the server's: values sent by a client are dropped.
 */
export const LATE_ENTRY_MS = 15 * 60_000;
export const LATE_ENTRY_ROLES: readonly UserRole[] = ['central', 'coordinator'];
const SERVER_SET = ['by', 'recordedLate', 'enteredAt'] as const;

/** The event's fields as the client sent them, with the server's `by` (before validation). */
export function withServerFields(given: Record<string, unknown> | undefined, caller: Caller): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(given ?? {})) if (!(SERVER_SET as readonly string[]).includes(k)) out[k] = v;
  out.by = caller.userId;
  return out;
}

export interface StampedEvent {
  /** Validation issues ("field: problem"). */
  issues: string[];
  /** Why this caller may not record it, or null. */
  refusal: string | null;
}

/** Checks `at` against the clocks and marks a late entry, on validated fields (changed in place). */
export function stampStageEvent(fields: Record<string, unknown>, clampedHlc: string, nowMs: number, caller: Caller): StampedEvent {
  const at = Date.parse(String(fields.at));
  if (at > nowMs + MAX_CLOCK_SKEW_MS) {
    return { issues: [`at: is later than the server's clock (${new Date(nowMs).toISOString()}, with ${MAX_CLOCK_SKEW_MS / 1000} s of tolerance); a stage event records what has happened`], refusal: null };
  }
  const entered = Math.min(parseHlc(clampedHlc).wall, nowMs);
  if (at >= entered - LATE_ENTRY_MS) return { issues: [], refusal: null };
  if (!LATE_ENTRY_ROLES.includes(caller.role)) {
    return {
      issues: [],
      refusal: `an event dated ${new Date(at).toISOString()} but entered at ${new Date(entered).toISOString()} records the past; ${LATE_ENTRY_ROLES.join(' and ')} users enter what happened offline (it is labelled "recorded late"), a ${caller.role} records decisions as they are made`,
    };
  }
  fields.recordedLate = true;
  fields.enteredAt = new Date(entered).toISOString();
  return { issues: [], refusal: null };
}
