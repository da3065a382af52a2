import { OPEN_STAGES, STAGES } from '../schema/stage';
import type { ApplicationFacts } from './facts';
import { summarise } from './statistics';
import type { Summary } from './types';

/** Stages a candidate waits in (Started is the end). */
export const TIMED_STAGES = OPEN_STAGES.filter((s) => s !== 'started');
export type TimeInStage = Record<(typeof TIMED_STAGES)[number], Summary>;

/**
 * Working days spent in each stage, over completed stays only (entered and left): an
 * open stay has no length yet, and counting it up to today would mix waits with
 * unfinished ones. A re-booked interview is one stay. The stays are measured once per
 * application when its facts are derived (facts.ts), not on every report.
 */
export function timeInStage(facts: readonly ApplicationFacts[]): TimeInStage {
  const values: number[][] = STAGES.map(() => []);
  for (const f of facts) {
    const { stays } = f;
    for (let i = 0; i < stays.length; i += 2) values[stays[i]!]!.push(stays[i + 1]!);
  }
  return Object.fromEntries(TIMED_STAGES.map((s) => [s, summarise(values[STAGES.indexOf(s)]!)])) as TimeInStage;
}
