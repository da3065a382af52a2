import { addDays, quarterStart } from '../calendar';
import type { Post } from '../schema/establishment';
import type { CaseloadWeek, Cohort, ExitInterview, Staff, StayConversation, Transfer } from '../schema/retention';
import { agencyConversions, type AgencyConversions } from './agency-conversion';
import { caseload, type CaseloadRow, type CaseloadWeek as CaseloadWeekRow } from './caseload';
import { cohortRetention, type CohortRow } from './cohort-retention';
import { exitThemes, type ExitThemesQuarter } from './exit-themes';
import { leaversBreakdown, type LeaversBreakdown } from './leavers';
import { stability, type Stability } from './stability';
import { lastCensusDate, staffFacts, type LeavingFacts } from './staff-in-post';
import { stayConversations, type StayQuarter } from './stay-conversations';
import { transfers, type Transfers } from './transfers';
import { turnover, type Turnover } from './turnover';
import type { ReportFilters } from './types';

export interface RetentionInput {
  staff: readonly Staff[];
  /** For each member of staff's team (their post's). */
  posts: readonly Pick<Post, 'id' | 'teamId'>[];
  leavers: readonly LeavingFacts[];
  /** Notes are never read. */
  exitInterviews: readonly ExitInterview[];
  /** Whose each was is never read: other views hold them without it. */
  stayConversations: readonly Pick<StayConversation, 'heldOn' | 'outcome' | 'themes'>[];
  transfers: readonly Transfer[];
  cohorts: readonly Cohort[];
  caseloadWeeks: readonly CaseloadWeek[];
  /** The council's caseload limit (settings.caseloadLimit). */
  caseloadLimit: number;
}

export interface RetentionReport {
  /** The latest complete census year (to 30 September). */
  census: { turnover: Turnover; stability: Stability };
  /** The twelve months to the end of the period (the quarterly figure). */
  rolling: { turnover: Turnover; stability: Stability };
  /** Twelve-month turnover at each of the last eight quarter ends up to the period's end. */
  turnoverByQuarter: Array<{ quarterEnd: string; turnover: Turnover }>;
  leavers: LeaversBreakdown;
  exitThemes: ExitThemesQuarter[];
  stayConversations: StayQuarter[];
  transfers: Transfers;
  agencyConversions: AgencyConversions;
  cohorts: CohortRow[];
  caseload: { limit: number; rows: CaseloadRow[]; byWeek: CaseloadWeekRow[] };
}

/** The last day of each of the `n` calendar quarters ending on or before `date`, oldest first. */
export function quarterEnds(date: string, n: number): string[] {
  const ends: string[] = [];
  let end = addDays(quarterStart(addDays(date, 1)), -1);
  for (let i = 0; i < n; i++) {
    ends.unshift(end);
    end = addDays(quarterStart(end), -1);
  }
  return ends;
}

/**
 * Every retention measure over one data set, for the period and the team and role filters
 * (cohorts are followed whole; Stay conversations are never filtered by team or role).
 */
export function computeRetentionReport(input: RetentionInput, filters: ReportFilters, asOf: string): RetentionReport {
  const end = filters.to && filters.to < asOf ? filters.to : asOf;
  const census = lastCensusDate(end);
  const people = { teamIds: filters.teamIds, roles: filters.roles };
  const staff = staffFacts(input.staff, input.posts);
  return {
    census: { turnover: turnover(staff, input.leavers, census, people), stability: stability(staff, input.leavers, census, people) },
    rolling: { turnover: turnover(staff, input.leavers, end, people), stability: stability(staff, input.leavers, end, people) },
    turnoverByQuarter: quarterEnds(end, 8).map((quarterEnd) => ({ quarterEnd, turnover: turnover(staff, input.leavers, quarterEnd, people) })),
    leavers: leaversBreakdown(staff, input.leavers, input.transfers, filters),
    exitThemes: exitThemes(input.exitInterviews, input.leavers, staff, filters),
    stayConversations: stayConversations(input.stayConversations, filters),
    transfers: transfers(input.transfers, filters),
    agencyConversions: agencyConversions(staff, filters),
    cohorts: cohortRetention(input.cohorts, input.staff, input.leavers, asOf),
    caseload: { limit: input.caseloadLimit, ...caseload(input.caseloadWeeks, input.caseloadLimit, filters) },
  };
}
