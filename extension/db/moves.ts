import { uuidv7 } from 'uuidv7';
import type { StageEvent } from '#shared/schema/index';
import { planMove, type MoveInput } from '#shared/stages';
import { getDb, type ShortlistDb } from './database';
import type { HireOutcome } from '#shared/staff/index';
import { holderOnStart } from './holders';
import { appendStageEvent } from './writes';

export interface MoveRequest extends MoveInput {
  applicationId: string;
  by: string;
  now?: Date;
}

/** `holder`: for a start, whether the starter became a post's holder (or a person must choose the post). */
export type MoveResult = { ok: true; event: StageEvent; holder?: HireOutcome } | { ok: false; message: string };

/** The stage event of a move (the rules are `planMove`'s), or why it is not allowed. Pure, for tests and the UI. */
export function moveEvent(request: MoveRequest): MoveResult {
  const plan = planMove(request);
  if (!plan.ok) return plan;
  const { stage, ...fields } = plan.move;
  return { ok: true, event: { id: uuidv7(), applicationId: request.applicationId, stage, at: (request.now ?? new Date()).toISOString(), by: request.by, ...fields } };
}

/** Checks and records a move (workspace pages and the overlay's background alike); problems come back as a message, never thrown. */
export async function moveApplication(request: MoveRequest, db: ShortlistDb = getDb()): Promise<MoveResult> {
  const plan = moveEvent(request);
  if (!plan.ok) return plan;
  try {
    const event = await appendStageEvent(plan.event, db);
    // A hire that starts becomes the post's holder without anyone typing it again.
    if (event.stage === 'started') {
      // The start is recorded either way; a holder that could not be written is for a person to record.
      const holder = await holderOnStart(event.applicationId, db).catch((err: unknown): HireOutcome => ({ kind: 'no_free_post', message: `the holder could not be recorded: ${err instanceof Error ? err.message : String(err)}` }));
      return { ok: true, event, holder };
    }
    return { ok: true, event };
  } catch (err) {
    const issues = (err as { issues?: string[] }).issues;
    return { ok: false, message: issues?.join('; ') ?? (err instanceof Error ? err.message : String(err)) };
  }
}
