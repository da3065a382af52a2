import type { Post, SocialWorkRole } from '../schema/establishment';
import type { Leaver, Staff } from '../schema/retention';
import { addMonths } from '../retention';
import { addDays } from '../calendar';
import type { ReportFilters } from './types';

/**
 * What the retention measures read of a member of staff: where they work, their FTE and when
 * they started. Names never: a measure has no use for them.
 */
export interface StaffFacts {
  id: string;
  teamId: string;
  role: SocialWorkRole;
  fte: number;
  startDate: string;
  /** Worked here through an agency before taking the permanent post. */
  fromAgency?: boolean | null;
}

/** A member of staff as the measures read them: their team is their post's (after a transfer, the new one). */
export function staffFacts(staff: readonly Staff[], posts: readonly Pick<Post, 'id' | 'teamId'>[]): StaffFacts[] {
  const teamOf = new Map(posts.map((p) => [p.id, p.teamId]));
  return staff.map((s) => ({ id: s.id, teamId: teamOf.get(s.postId) ?? '', role: s.role, fte: s.fte, startDate: s.startDate, fromAgency: s.fromAgency ?? false }));
}

/**
 * What the measures read of a leaving: whose, when (the last day of employment), why, where to
 * and the FTE they left. An internal move is never a leaving: it is a transfer (census: not a leaver).
 */
export type LeavingFacts = Pick<Leaver, 'id' | 'staffId' | 'leavingDate' | 'reason' | 'destination' | 'fte'>;

/** The census year (or any twelve months) ending on `end`: the day after `end` a year earlier, to `end`. */
export function yearTo(end: string): { from: string; to: string } {
  return { from: addDays(addMonths(end, -12), 1), to: end };
}

/** The latest 30 September on or before `date`: the census date the latest complete census year ends on. */
export function lastCensusDate(date: string): string {
  const year = Number(date.slice(0, 4));
  return date >= `${year}-09-30` ? `${year}-09-30` : `${year - 1}-09-30`;
}

export const staffMatches = (s: Pick<StaffFacts, 'teamId' | 'role'>, filters: Pick<ReportFilters, 'teamIds' | 'roles'>) =>
  (!filters.teamIds?.length || filters.teamIds.includes(s.teamId)) && (!filters.roles?.length || filters.roles.includes(s.role));

/** Each member of staff's leaving date (the first, should two have been recorded). */
export function leftOn(leavers: readonly Pick<LeavingFacts, 'staffId' | 'leavingDate'>[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of leavers) {
    const seen = out.get(l.staffId);
    if (!seen || l.leavingDate < seen) out.set(l.staffId, l.leavingDate);
  }
  return out;
}

/**
 * Counted in post on `date` by the census: started on or before it and not left on or before it.
 * A leaver whose last day is 30 September is a leaver of the year to that date and so not counted
 * in post on it: the census counts each person once, never both. (Who holds a post on a day,
 * shared/staff/holders.ts, still names them on their last day: a different question.)
 */
export function inPostForCensus(s: Pick<StaffFacts, 'id' | 'startDate'>, left: ReadonlyMap<string, string>, date: string): boolean {
  const leaving = left.get(s.id);
  return s.startDate <= date && (leaving === undefined || leaving > date);
}

export const roundFte = (n: number) => Math.round(n * 1000) / 1000;
