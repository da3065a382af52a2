import { uuidv7 } from 'uuidv7';
import type { ExitReason, Stage, StageEvent } from '#shared/schema/index';
import { checkMove, type TimedEvent } from '#shared/stages';
import type { ShortlistDb } from '@/db/database';
import { getDb } from '@/db/database';
import { appendStageEvent } from '@/db/writes';

export interface MoveRequest {
  applicationId: string;
  /** The application's history, to check the move against. */
  events: readonly StageEvent[] | readonly TimedEvent[];
  to: Stage;
  by: string;
  reason?: ExitReason | null;
  /** For interview_booked: a local `datetime-local` value or an ISO instant. */
  interviewAt?: string | null;
  note?: string | null;
  now?: Date;
}

export type MoveResult = { ok: true; event: StageEvent } | { ok: false; message: string };

/** What a move needs besides the stage: a reason for exits, a date and time for a booking. */
export function moveNeeds(to: Stage): 'rejection_reason' | 'withdrawal_reason' | 'interview_time' | null {
  if (to === 'rejected') return 'rejection_reason';
  if (to === 'withdrawn') return 'withdrawal_reason';
  if (to === 'interview_booked') return 'interview_time';
  return null;
}

/** A `datetime-local` value (local time, no zone) as an ISO instant; null when empty or unreadable. */
export function localDateTimeToIso(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Builds the stage event of a move, or says why it is not allowed. Pure, for tests and the UI. */
export function planMove(request: MoveRequest): MoveResult {
  const check = checkMove(request.events, request.to);
  if (!check.ok) return { ok: false, message: check.message };
  const need = moveNeeds(request.to);
  if ((need === 'rejection_reason' || need === 'withdrawal_reason') && !request.reason) {
    return { ok: false, message: need === 'rejection_reason' ? 'choose why the candidate is rejected' : 'choose why the candidate withdrew' };
  }
  const interviewAt = need === 'interview_time' ? localDateTimeToIso(request.interviewAt) : null;
  if (need === 'interview_time' && !interviewAt) return { ok: false, message: 'choose the date and time of the interview' };
  const note = request.note?.trim() || null;
  const event: StageEvent = {
    id: uuidv7(),
    applicationId: request.applicationId,
    stage: request.to,
    at: (request.now ?? new Date()).toISOString(),
    by: request.by,
    reason: need === 'rejection_reason' || need === 'withdrawal_reason' ? (request.reason ?? null) : null,
    interviewAt,
    note,
  };
  return { ok: true, event };
}

/** Checks and records a move; validation problems come back as a message, never thrown. */
export async function moveApplication(request: MoveRequest, db: ShortlistDb = getDb()): Promise<MoveResult> {
  const plan = planMove(request);
  if (!plan.ok) return plan;
  try {
    return { ok: true, event: await appendStageEvent(plan.event, db) };
  } catch (err) {
    const issues = (err as { issues?: string[] }).issues;
    return { ok: false, message: issues?.join('; ') ?? (err instanceof Error ? err.message : String(err)) };
  }
}
