import type { Transfer } from '../schema/retention';
import { inPeriod } from './filters';
import { roundFte, staffMatches, type LeavingFacts, type StaffFacts } from './staff-in-post';
import type { ReportFilters } from './types';

export interface Tally {
  count: number;
  fte: number;
}

export interface LeaversBreakdown {
  leavers: Tally;
  byReason: Record<string, Tally>;
  byDestination: Record<string, Tally>;
  /** Moves out of the teams (all teams: every move) in the period: transfers, counted apart and never as leavers. */
  internalMoves: number;
}

const add = (into: Record<string, Tally>, key: string, fte: number) => {
  const t = (into[key] ??= { count: 0, fte: 0 });
  t.count++;
  t.fte = roundFte(t.fte + fte);
};

/** Leavers in the period (`from`–`to`, by leaving date) by reason and by destination, headcount and FTE, as the census asks. */
export function leaversBreakdown(
  staff: readonly StaffFacts[],
  leavers: readonly LeavingFacts[],
  transfers: readonly Pick<Transfer, 'fromTeamId' | 'movedOn'>[],
  filters: ReportFilters,
): LeaversBreakdown {
  const byId = new Map(staff.map((s) => [s.id, s]));
  const out: LeaversBreakdown = { leavers: { count: 0, fte: 0 }, byReason: {}, byDestination: {}, internalMoves: 0 };
  for (const l of leavers) {
    const s = byId.get(l.staffId);
    if (!s || !staffMatches(s, filters) || !inPeriod(l.leavingDate, filters)) continue;
    out.leavers.count++;
    out.leavers.fte = roundFte(out.leavers.fte + l.fte);
    add(out.byReason, l.reason, l.fte);
    add(out.byDestination, l.destination, l.fte);
  }
  for (const t of transfers) {
    if (t.movedOn && inPeriod(t.movedOn, filters) && (!filters.teamIds?.length || filters.teamIds.includes(t.fromTeamId))) out.internalMoves++;
  }
  return out;
}
