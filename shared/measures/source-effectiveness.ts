import { workingDaysBetweenDays } from '../calendar';
import type { Division } from '../schema/primitives';
import { SOURCES, type Source } from '../schema/recruitment';
import type { ApplicationFacts } from './facts';
import { percentile, rate } from './statistics';
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

/** One row per source, in the order of SOURCES, sources with no applications included. */
export function sourceEffectiveness(facts: readonly ApplicationFacts[], division: Division): SourceRow[] {
  const rows = new Map(SOURCES.map((s) => [s, { applications: 0, days: [] as number[], working: [] as number[] }]));
  for (const f of facts) {
    const row = rows.get(f.application.source);
    if (!row) continue;
    row.applications++;
    const accepted = f.firstDay.accepted;
    if (accepted !== undefined) {
      row.days.push(accepted - f.receivedDay);
      row.working.push(workingDaysBetweenDays(f.receivedDay, accepted, division));
    }
  }
  return SOURCES.map((source) => {
    const r = rows.get(source)!;
    const median = (v: number[]) => percentile(Float64Array.from(v).sort(), 0.5);
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
