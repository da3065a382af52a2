import { SOURCES, type Source } from '../schema/recruitment';
import type { ApplicationFacts } from './facts';
import { percentiles, rate } from './statistics';
import type { Rate } from './types';

export interface SourceRow {
  source: Source;
  applications: number;
  /** Offers accepted. */
  hires: number;
  /** hires / applications. */
  conversion: Rate;
  /** Received -> accepted, over this source's hires. */
  medianDaysToHire: number | null;
  medianWorkingDaysToHire: number | null;
}

/** One row per source, in the order of SOURCES, sources with no applications included. Working days come with the facts (facts.ts). */
export function sourceEffectiveness(facts: readonly ApplicationFacts[]): SourceRow[] {
  const rows = new Map(SOURCES.map((s) => [s, { applications: 0, days: [] as number[], working: [] as number[] }]));
  for (const f of facts) {
    const row = rows.get(f.application.source);
    if (!row) continue;
    row.applications++;
    const accepted = f.firstDay.accepted;
    if (accepted !== undefined) {
      row.days.push(accepted - f.receivedDay);
      row.working.push(f.acceptedWorkingDays!);
    }
  }
  return SOURCES.map((source) => {
    const r = rows.get(source)!;
    const median = (v: number[]) => percentiles(v, [0.5])[0]!;
    return {
      source,
      applications: r.applications,
      hires: r.days.length,
      conversion: rate(r.days.length, r.applications),
      medianDaysToHire: median(r.days),
      medianWorkingDaysToHire: median(r.working),
    };
  });
}
