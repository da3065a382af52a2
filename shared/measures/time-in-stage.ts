import { workingDaysBetweenDays } from '../calendar';
import type { Division } from '../schema/primitives';
import { OPEN_STAGES, STAGES } from '../schema/stage';
import type { EventColumns } from './event-columns';
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
export function timeInStage(facts: readonly ApplicationFacts[], columns: EventColumns, division: Division): TimeInStage {
  const values: number[][] = STAGES.map(() => []);
  const { day: dayOf, stage } = columns;
  for (const f of facts) {
    // Walk the history: a stay ends when the next different stage begins.
    let current = -1;
    let startDay = 0;
    for (let j = columns.start[f.k]!; j < columns.end[f.k]!; j++) {
      if (stage[j] === current) continue;
      const day = dayOf[j]!;
      if (current >= 0) values[current]!.push(workingDaysBetweenDays(startDay, day, division));
      current = stage[j]!;
      startDay = day;
    }
  }
  return Object.fromEntries(TIMED_STAGES.map((s) => [s, summarise(values[STAGES.indexOf(s)]!)])) as TimeInStage;
}
