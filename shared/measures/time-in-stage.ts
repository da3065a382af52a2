import { workingDaysBetweenDays } from '../calendar';
import type { Division } from '../schema/primitives';
import { OPEN_STAGES, type Stage } from '../schema/stage';
import type { ApplicationFacts } from './facts';
import { summarise } from './statistics';
import type { Summary } from './types';

/** Stages a candidate waits in (Started is the end). */
export const TIMED_STAGES = OPEN_STAGES.filter((s) => s !== 'started');
export type TimeInStage = Record<(typeof TIMED_STAGES)[number], Summary>;

/**
 * Working days spent in each stage, over completed stays only (entered and left): an
 * open stay has no length yet, and counting it up to today would mix waits with
 * unfinished ones. A re-booked interview is one stay.
 */
export function timeInStage(facts: readonly ApplicationFacts[], division: Division): TimeInStage {
  const values = new Map<Stage, number[]>(TIMED_STAGES.map((s) => [s, []]));
  for (const f of facts) {
    for (const stay of f.stays) {
      if (stay.endDay === null) continue;
      values.get(stay.stage)?.push(workingDaysBetweenDays(stay.startDay, stay.endDay, division));
    }
  }
  return Object.fromEntries(TIMED_STAGES.map((s) => [s, summarise(values.get(s)!)])) as TimeInStage;
}
