import type { SocialWorkRole } from '../schema/establishment';
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

/** The destination that is a move inside the council: a transfer, never a leaver (DfE census). */
export const INTERNAL_MOVE = 'internal_move';

/** What the measures read of a leaving: whose, when (the last day of employment), why and where to. */
export interface LeavingFacts {
  id: string;
  staffId: string;
  leavingDate: string;
  reason: string;
  destination: string;
}

export const isInternalMove = (l: Pick<LeavingFacts, 'destination'>) => l.destination === INTERNAL_MOVE;

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

/**
 * Each member of staff's leaving date: the first leaving that left the council. An internal move
 * is not one: the person is still in post, in another team.
 */
export function leftOn(leavers: readonly LeavingFacts[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of leavers) {
    if (isInternalMove(l)) continue;
    const seen = out.get(l.staffId);
    if (!seen || l.leavingDate < seen) out.set(l.staffId, l.leavingDate);
  }
  return out;
}

/**
 * In post on `date`: started on or before it and not left on or before it. A leaver whose last
 * day is 30 September counts as a leaver of the year to that date and so not in post on it, as the
 * census asks (counted once, never both).
 */
export function inPostOn(s: Pick<StaffFacts, 'id' | 'startDate'>, left: ReadonlyMap<string, string>, date: string): boolean {
  const leaving = left.get(s.id);
  return s.startDate <= date && (leaving === undefined || leaving > date);
}

export const roundFte = (n: number) => Math.round(n * 1000) / 1000;
