import { z } from 'zod';
import { id, isoDateTime, oneOf, optionalText } from './primitives';

/** The pipeline in order, then the two exits (domain.md, "Stages"). */
export const OPEN_STAGES = [
  'applied',
  'shortlisted',
  'interview_booked',
  'interviewed',
  'offered',
  'accepted',
  'checks_complete',
  'started',
] as const;
export const EXIT_STAGES = ['rejected', 'withdrawn'] as const;
export const STAGES = [...OPEN_STAGES, ...EXIT_STAGES] as const;
export type Stage = (typeof STAGES)[number];
export type ExitStage = (typeof EXIT_STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  applied: 'Applied',
  shortlisted: 'Shortlisted',
  interview_booked: 'Interview booked',
  interviewed: 'Interviewed',
  offered: 'Offered (conditional)',
  accepted: 'Accepted',
  checks_complete: 'Checks complete',
  started: 'Started',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

/** "We decided": why the council turned a candidate down. */
export const REJECTION_REASONS = [
  'not_qualified',
  'insufficient_experience',
  'no_swe_registration',
  'no_right_to_work',
  'unsuccessful_interview',
  'failed_checks',
  'post_filled',
  'other',
] as const;

/** "They decided": why a candidate left the process. */
export const WITHDRAWAL_REASONS = [
  'declined_interview',
  'declined_offer',
  'took_another_job',
  'salary',
  'location',
  'personal_circumstances',
  'no_response',
  'other',
] as const;

export const EXIT_REASONS = [...new Set([...REJECTION_REASONS, ...WITHDRAWAL_REASONS])] as const;
export type ExitReason = (typeof REJECTION_REASONS)[number] | (typeof WITHDRAWAL_REASONS)[number];

export const REASON_LABELS: Record<ExitReason, string> = {
  not_qualified: 'Not qualified',
  insufficient_experience: 'Not enough experience',
  no_swe_registration: 'No Social Work England registration',
  no_right_to_work: 'No right to work',
  unsuccessful_interview: 'Unsuccessful at interview',
  failed_checks: 'Pre-employment checks failed',
  post_filled: 'Post already filled',
  declined_interview: 'Declined interview',
  declined_offer: 'Declined offer',
  took_another_job: 'Took another job',
  salary: 'Salary',
  location: 'Location',
  personal_circumstances: 'Personal circumstances',
  no_response: 'Stopped responding',
  other: 'Other',
};

/**
 * One entry of an application's append-only history. The current stage is derived
 * from these (see shared/stages.ts), never stored on its own.
 */
export const stageEventSchema = z
  .object({
    id,
    applicationId: id,
    stage: oneOf(STAGES),
    at: isoDateTime,
    /** User id of who recorded it: set by the server to the caller, whatever a client sends. */
    by: z.string().min(1).max(64),
    reason: z.enum(EXIT_REASONS as unknown as [ExitReason, ...ExitReason[]]).nullable().optional(),
    /** For interview_booked: when the interview is. */
    interviewAt: isoDateTime.nullable().optional(),
    note: optionalText(2000),
    /**
     * Set by the server (shared/sync/stage-history.ts): the event is dated well before it was
     * entered, i.e. someone recorded afterwards what happened offline. The UI shows it.
     */
    recordedLate: z.boolean().optional(),
    /** Set by the server with recordedLate: when the event was entered. */
    enteredAt: isoDateTime.optional(),
  })
  .superRefine((e, ctx) => {
    if (e.stage === 'rejected' && !(REJECTION_REASONS as readonly string[]).includes(e.reason ?? '')) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `a rejection needs a reason: one of ${REJECTION_REASONS.join(', ')}` });
    }
    if (e.stage === 'withdrawn' && !(WITHDRAWAL_REASONS as readonly string[]).includes(e.reason ?? '')) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `a withdrawal needs a reason: one of ${WITHDRAWAL_REASONS.join(', ')}` });
    }
  });
export type StageEvent = z.infer<typeof stageEventSchema>;
