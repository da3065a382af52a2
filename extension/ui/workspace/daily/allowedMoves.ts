import type { Stage, StageEvent } from '#shared/schema/index';
import { checkMove, currentStage, isExit, nextStages, reopenStage, type TimedEvent } from '#shared/stages';

/** Stages an application may move to now: the next stages, or the reopen of a closed one. */
export function allowedMoves(events: readonly StageEvent[] | readonly TimedEvent[]): Stage[] {
  const from = currentStage(events);
  if (isExit(from)) {
    const back = reopenStage(events);
    return back ? [back] : [];
  }
  return nextStages(from).filter((to) => checkMove(events, to).ok);
}
