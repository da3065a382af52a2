import { rate } from './statistics';
import { addMonths } from '../retention';
import { inPostForCensus, leftOn, staffMatches, type LeavingFacts, type StaffFacts } from './staff-in-post';
import type { Rate, ReportFilters } from './types';

export interface Stability {
  /** A year before `to`, and `to`. */
  from: string;
  to: string;
  /** Headcount in post a year before `to`, and of those, still in post on `to`. */
  inPostAYearAgo: number;
  stillInPost: number;
  rate: Rate;
}

/**
 * Stability as the DfE census reports it: the share (headcount) of staff in post a year ago who
 * are still in post. Someone who moved team inside the council is still in post; a leaver who came
 * back is not the same spell, and is counted as having left.
 */
export function stability(staff: readonly StaffFacts[], leavers: readonly LeavingFacts[], end: string, filters: Pick<ReportFilters, 'teamIds' | 'roles'> = {}): Stability {
  const to = end;
  const yearAgo = addMonths(end, -12);
  const left = leftOn(leavers);
  let inPostAYearAgo = 0;
  let stillInPost = 0;
  for (const s of staff) {
    if (!staffMatches(s, filters) || !inPostForCensus(s, left, yearAgo)) continue;
    inPostAYearAgo++;
    if (inPostForCensus(s, left, to)) stillInPost++;
  }
  return { from: yearAgo, to, inPostAYearAgo, stillInPost, rate: rate(stillInPost, inPostAYearAgo) };
}

