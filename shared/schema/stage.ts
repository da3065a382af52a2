import * as z from 'zod/mini';
import { id, isoDateTime, oneOf, optionalText } from './primitives';
import { EXIT_REASONS, REJECTION_REASONS, STAGES, WITHDRAWAL_REASONS, type ExitReason } from '../labels';

export {
  EXIT_REASONS,
  EXIT_STAGES,
  OPEN_STAGES,
  REASON_LABELS,
  REJECTION_REASONS,
  STAGE_LABELS,
  STAGES,
  WITHDRAWAL_REASONS,
  type ExitReason,
  type ExitStage,
  type Stage,
} from '../labels';


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
    by: z.string().check(z.minLength(1), z.maxLength(64)),
    reason: z.optional(z.nullable(z.enum(EXIT_REASONS as unknown as [ExitReason, ...ExitReason[]]))),
    /** For interview_booked: when the interview is. */
    interviewAt: z.optional(z.nullable(isoDateTime)),
    note: optionalText(2000),
    /**
     * Set by the server (shared/sync/stage-history.ts): the event is dated well before it was
     * entered, i.e. someone recorded afterwards what happened offline. The UI shows it.
     */
    recordedLate: z.optional(z.boolean()),
    /** Set by the server with recordedLate: when the event was entered. */
    enteredAt: z.optional(isoDateTime),
  })
  .check(z.superRefine((e, ctx) => {
    if (e.stage === 'rejected' && !(REJECTION_REASONS as readonly string[]).includes(e.reason ?? '')) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `a rejection needs a reason: one of ${REJECTION_REASONS.join(', ')}` });
    }
    if (e.stage === 'withdrawn' && !(WITHDRAWAL_REASONS as readonly string[]).includes(e.reason ?? '')) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `a withdrawal needs a reason: one of ${WITHDRAWAL_REASONS.join(', ')}` });
    }
  }));
export type StageEvent = z.infer<typeof stageEventSchema>;
