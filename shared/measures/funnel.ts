import type { Application } from '../schema/recruitment';
import { OPEN_STAGES, REASON_LABELS, STAGES, type ExitReason, type ExitStage, type Stage } from '../schema/stage';
import { PIPELINE_INDEX, type ApplicationFacts } from './facts';
import { rate } from './statistics';
import type { Rate } from './types';

export const FUNNEL_STAGES = ['applied', 'shortlisted', 'interviewed', 'offered', 'accepted', 'started'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/**
 * Internal applications (source `internal`: staff moving under the transfer protocol) are
 * counted apart from external ones: an internal move keeps someone rather than recruits them,
 * and its conversions would otherwise blur the external funnel's.
 */
export const FUNNEL_GROUPS = ['external', 'internal'] as const;
export type FunnelGroup = (typeof FUNNEL_GROUPS)[number];
export const funnelGroupOf = (application: Pick<Application, 'source'>): FunnelGroup => (application.source === 'internal' ? 'internal' : 'external');

export interface FunnelStep {
  stage: FunnelStage;
  /** Applications that reached this stage or any later one (so counts never grow down the funnel). */
  count: number;
  /** count / previous step's count. */
  fromPrevious: Rate;
  /** count / applied. */
  fromApplied: Rate;
}

/** The stages reached and the exits of one set of applications. */
export interface FunnelCounts {
  steps: FunnelStep[];
  /** Applications whose current stage is an exit, by who decided. */
  exits: Record<ExitStage, number>;
}

/** The funnel of all applications, with the external and the internal ones also counted apart. */
export interface Funnel extends FunnelCounts {
  /** All applications' exits by reason ('unknown' when none was recorded)... */
  byReason: Record<ExitStage, Partial<Record<ExitReason | 'unknown', number>>>;
  /** ...and by the stage they left from. */
  byStageLeft: Partial<Record<Stage, Record<ExitStage, number>>>;
  /** The steps and exits of external applications alone and of internal ones alone: the two add up to the whole. */
  byGroup: Record<FunnelGroup, FunnelCounts>;
}

const KINDS: readonly ExitStage[] = ['rejected', 'withdrawn'];
const REASON_KEYS = [...Object.keys(REASON_LABELS), 'unknown'] as Array<ExitReason | 'unknown'>;
const REASON_INDEX = new Map<string, number>(REASON_KEYS.map((r, i) => [r, i]));
const UNKNOWN_REASON = REASON_KEYS.length - 1;
const STAGE_INDEX = new Map<string, number>(STAGES.map((s, i) => [s, i]));

/** The steps from counts of applications by furthest pipeline position (which it sums from the end, in place). */
function stepsOf(byFurthest: Int32Array): FunnelStep[] {
  // Applications that reached this stage or a later one: the counts by furthest position, summed from the end.
  for (let i = OPEN_STAGES.length - 1; i >= 0; i--) byFurthest[i]! += byFurthest[i + 1]!;
  const counts = FUNNEL_STAGES.map((s) => byFurthest[PIPELINE_INDEX[s]!]!);
  return FUNNEL_STAGES.map((stage, i) => ({
    stage,
    count: counts[i]!,
    fromPrevious: i === 0 ? rate(counts[0]!, counts[0]!) : rate(counts[i]!, counts[i - 1]!),
    fromApplied: rate(counts[i]!, counts[0]!),
  }));
}

export function funnel(facts: readonly ApplicationFacts[]): Funnel {
  // Counted in arrays by index, and turned into records at the end with keys in the order
  // first met (as counting into the records directly would give), which is much cheaper.
  const byFurthest = new Int32Array(OPEN_STAGES.length + 1);
  const internalByFurthest = new Int32Array(OPEN_STAGES.length + 1);
  const internalExits = new Int32Array(KINDS.length);
  const reasonCounts = KINDS.map(() => new Int32Array(REASON_KEYS.length));
  const reasonOrder: number[][] = KINDS.map(() => []);
  const leftCounts = STAGES.map(() => new Int32Array(KINDS.length));
  const leftOrder: number[] = [];
  for (const f of facts) {
    byFurthest[f.furthest]!++;
    const internal = funnelGroupOf(f.application) === 'internal';
    if (internal) internalByFurthest[f.furthest]!++;
    const exit = f.exit;
    if (exit) {
      const kind = exit.kind === 'rejected' ? 0 : 1;
      if (internal) internalExits[kind]!++;
      const reason = (exit.reason ? REASON_INDEX.get(exit.reason) : undefined) ?? UNKNOWN_REASON;
      if (reasonCounts[kind]![reason]!++ === 0) reasonOrder[kind]!.push(reason);
      const from = STAGE_INDEX.get(exit.from)!;
      const left = leftCounts[from]!;
      if (left[0] === 0 && left[1] === 0) leftOrder.push(from);
      left[kind]!++;
    }
  }
  const exits: Record<ExitStage, number> = { rejected: 0, withdrawn: 0 };
  const byReason: Funnel['byReason'] = { rejected: {}, withdrawn: {} };
  KINDS.forEach((kind, k) => {
    for (const r of reasonOrder[k]!) {
      byReason[kind][REASON_KEYS[r]!] = reasonCounts[k]![r]!;
      exits[kind] += reasonCounts[k]![r]!;
    }
  });
  const byStageLeft: Funnel['byStageLeft'] = {};
  for (const from of leftOrder) byStageLeft[STAGES[from]!] = { rejected: leftCounts[from]![0]!, withdrawn: leftCounts[from]![1]! };
  // External = all − internal, before stepsOf sums either array in place.
  const externalByFurthest = byFurthest.map((n, i) => n - internalByFurthest[i]!);
  const byGroup: Funnel['byGroup'] = {
    external: { steps: stepsOf(externalByFurthest), exits: { rejected: exits.rejected - internalExits[0]!, withdrawn: exits.withdrawn - internalExits[1]! } },
    internal: { steps: stepsOf(internalByFurthest), exits: { rejected: internalExits[0]!, withdrawn: internalExits[1]! } },
  };
  return { steps: stepsOf(byFurthest), exits, byReason, byStageLeft, byGroup };
}
