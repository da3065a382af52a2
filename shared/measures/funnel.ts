import { REASON_LABELS, type ExitReason, type ExitStage, type Stage } from '../schema/stage';
import { PIPELINE_INDEX, type ApplicationFacts } from './facts';
import { rate } from './statistics';
import type { Rate } from './types';

export const FUNNEL_STAGES = ['applied', 'shortlisted', 'interviewed', 'offered', 'accepted', 'started'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export interface FunnelStep {
  stage: FunnelStage;
  /** Applications that reached this stage or any later one (so counts never grow down the funnel). */
  count: number;
  /** count / previous step's count. */
  fromPrevious: Rate;
  /** count / applied. */
  fromApplied: Rate;
}

export interface Funnel {
  steps: FunnelStep[];
  /** Applications whose current stage is an exit, by who decided... */
  exits: Record<ExitStage, number>;
  /** ...by reason ('unknown' when none was recorded)... */
  byReason: Record<ExitStage, Partial<Record<ExitReason | 'unknown', number>>>;
  /** ...and by the stage they left from. */
  byStageLeft: Partial<Record<Stage, Record<ExitStage, number>>>;
}

export function funnel(facts: readonly ApplicationFacts[]): Funnel {
  const counts = FUNNEL_STAGES.map(() => 0);
  const exits: Record<ExitStage, number> = { rejected: 0, withdrawn: 0 };
  const byReason: Funnel['byReason'] = { rejected: {}, withdrawn: {} };
  const byStageLeft: Funnel['byStageLeft'] = {};
  const thresholds = FUNNEL_STAGES.map((s) => PIPELINE_INDEX[s]!);
  for (const f of facts) {
    for (let i = 0; i < thresholds.length; i++) if (f.furthest >= thresholds[i]!) counts[i]!++;
    if (f.exit) {
      const { kind, reason, from } = f.exit;
      exits[kind]++;
      const key = reason && reason in REASON_LABELS ? reason : 'unknown';
      byReason[kind][key] = (byReason[kind][key] ?? 0) + 1;
      (byStageLeft[from] ??= { rejected: 0, withdrawn: 0 })[kind]++;
    }
  }
  const steps = FUNNEL_STAGES.map((stage, i) => ({
    stage,
    count: counts[i]!,
    fromPrevious: i === 0 ? rate(counts[0]!, counts[0]!) : rate(counts[i]!, counts[i - 1]!),
    fromApplied: rate(counts[i]!, counts[0]!),
  }));
  return { steps, exits, byReason, byStageLeft };
}
