import { dateOfDay, dayNumber, instantMs, londonDayOfMs } from './calendar';
import type { Settings, StageEvent } from './schema/index';
import { inHistoryOrder, isExit } from './stages';

/**
 * When a candidate's personal data falls due for erasure, decided the same way by the worker's
 * daily run (worker/src/retention/run.ts) and by a browser that has been offline past the date
 * (extension/db/retention.ts). Dates are Europe/London calendar dates.
 * - An application that ended in rejected or withdrawn: `retentionMonths` after the exit.
 * - A hire (current stage started): `hiredRetentionMonths` after the start.
 * - Any other application is open: no date. 0 months means keep (no date either).
 * A reopened application is open again: its old exit no longer counts.
 */
export interface RetentionDue {
  reason: 'exit' | 'hire';
  /** The London date of the exit or start. */
  endedOn: string;
  /** The first London date on which the personal data is to be gone. */
  erasedOn: string;
}

type RetentionSettings = Pick<Settings, 'retentionMonths' | 'hiredRetentionMonths'>;

/** `date` plus `months` calendar months; the 31st lands on the last day of a shorter month. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** When this application's personal data is due to go, or null (open, or kept). */
export function retentionDue(events: readonly StageEvent[], settings: RetentionSettings): RetentionDue | null {
  const last = inHistoryOrder(events).at(-1)?.event;
  if (!last) return null;
  const reason = isExit(last.stage) ? 'exit' : last.stage === 'started' ? 'hire' : null;
  if (!reason) return null;
  const months = reason === 'exit' ? settings.retentionMonths : settings.hiredRetentionMonths;
  if (!months) return null;
  const endedOn = dateOfDay(londonDayOfMs(instantMs(last.at)));
  return { reason, endedOn, erasedOn: addMonths(endedOn, months) };
}

/** True when the personal data should already be gone on `today` (a London date). */
export function isRetentionExpired(events: readonly StageEvent[], settings: RetentionSettings, today: string): boolean {
  const due = retentionDue(events, settings);
  return due !== null && today >= due.erasedOn;
}

/**
 * An instant no expired application's exit or start can be later than on `today`, under either
 * period: a generous first filter for a database query (ISO 8601, UTC), after which
 * `isRetentionExpired` decides. Null: neither period erases anything.
 */
export function retentionQueryBound(settings: RetentionSettings, today: string): string | null {
  const months = [settings.retentionMonths, settings.hiredRetentionMonths].filter((n) => n > 0);
  if (!months.length) return null;
  // Five days of slack: month-end clamping (31 Jan + 1 month = 28 Feb) and the London offset.
  return `${dateOfDay(dayNumber(addMonths(today, -Math.min(...months))) + 5)}T00:00:00.000Z`;
}

/**
 * Days after the erasure date by which the server's daily run has erased: a browser that has
 * synced since then has heard the server's answer, and if the record is still there the server
 * decided to keep it (a longer period set meanwhile, a reopened application).
 */
export const SERVER_ERASURE_GRACE_DAYS = 2;

/**
 * Whether a browser erases its own copy: the date has passed, and the browser has not synced
 * since the server's run should have erased it (offline past the date). `lastSyncedOn` is the
 * London date of its last successful sync, or null when it never synced.
 */
export function isExpiredOffline(events: readonly StageEvent[], settings: RetentionSettings, today: string, lastSyncedOn: string | null): boolean {
  const due = retentionDue(events, settings);
  if (!due || today < due.erasedOn) return false;
  return lastSyncedOn === null || lastSyncedOn < dateOfDay(dayNumber(due.erasedOn) + SERVER_ERASURE_GRACE_DAYS);
}
