import { rate } from './statistics';
import { inPostForCensus, leftOn, roundFte, staffMatches, yearTo, type LeavingFacts, type StaffFacts } from './staff-in-post';
import type { Rate, ReportFilters } from './types';

export interface Turnover {
  /** The twelve months counted: from the day after `to` a year earlier, to `to` (30 September for the census). */
  from: string;
  to: string;
  /** Headcount and FTE of those who left the council in the twelve months. */
  leavers: number;
  leaversFte: number;
  /** FTE in post on `to`. */
  fteInPost: number;
  /** leaversFte / fteInPost. */
  rate: Rate;
}

/**
 * Turnover rate as the DfE children's social work workforce census defines it: FTE of leavers in
 * the year to 30 September ÷ FTE in post at 30 September, each leaver at the FTE they left. An
 * internal move (a transfer) is not a leaver. `end`
 * is the census date, or any date for the twelve months to it (the quarterly view).
 */
export function turnover(staff: readonly StaffFacts[], leavers: readonly LeavingFacts[], end: string, filters: Pick<ReportFilters, 'teamIds' | 'roles'> = {}): Turnover {
  const { from, to } = yearTo(end);
  const left = leftOn(leavers);
  const byId = new Map(staff.map((s) => [s.id, s]));
  let fteInPost = 0;
  for (const s of staff) if (staffMatches(s, filters) && inPostForCensus(s, left, to)) fteInPost += s.fte;
  let count = 0;
  let leaversFte = 0;
  const counted = new Set<string>();
  for (const l of leavers) {
    const s = byId.get(l.staffId);
    if (!s || counted.has(s.id) || l.leavingDate < from || l.leavingDate > to || !staffMatches(s, filters)) continue;
    counted.add(s.id);
    count++;
    leaversFte += l.fte;
  }
  return { from, to, leavers: count, leaversFte: roundFte(leaversFte), fteInPost: roundFte(fteInPost), rate: rate(leaversFte, fteInPost) };
}
