import { addDays, quarterStart } from '../calendar';
import { agencyConversions, type AgencyConversions } from './agency-conversion';
import { caseload, type CaseloadRow, type CaseloadWeek, type CaseloadWeekFacts } from './caseload';
import { cohortRetention, type CohortFacts, type CohortMemberFacts, type CohortRow } from './cohort-retention';
import { exitThemes, type ExitInterviewFacts, type ExitThemesQuarter } from './exit-themes';
import { leaversBreakdown, type LeaversBreakdown } from './leavers';
import { stability, type Stability } from './stability';
import { lastCensusDate, type LeavingFacts, type StaffFacts } from './staff-in-post';
import { stayConversations, type StayConversationFacts, type StayQuarter } from './stay-conversations';
import { turnover, type Turnover } from './turnover';
import type { ReportFilters } from './types';

export interface RetentionInput {
  staff: readonly StaffFacts[];
  leavers: readonly LeavingFacts[];
  exitInterviews: readonly ExitInterviewFacts[];
  stayConversations: readonly StayConversationFacts[];
  cohorts: readonly CohortFacts[];
  cohortMembers: readonly CohortMemberFacts[];
  caseloadWeeks: readonly CaseloadWeekFacts[];
  /** The council's caseload limit (settings). */
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
  agencyConversions: AgencyConversions;
  cohorts: CohortRow[];
  caseload: { limit: number; rows: CaseloadRow[]; byWeek: CaseloadWeek[] };
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

/** Every retention measure over one data set, for the period and team and role filters. */
export function computeRetentionReport(input: RetentionInput, filters: ReportFilters, asOf: string): RetentionReport {
  const end = filters.to && filters.to < asOf ? filters.to : asOf;
  const census = lastCensusDate(end);
  const people = { teamIds: filters.teamIds, roles: filters.roles };
  return {
    census: { turnover: turnover(input.staff, input.leavers, census, people), stability: stability(input.staff, input.leavers, census, people) },
    rolling: { turnover: turnover(input.staff, input.leavers, end, people), stability: stability(input.staff, input.leavers, end, people) },
    turnoverByQuarter: quarterEnds(end, 8).map((quarterEnd) => ({ quarterEnd, turnover: turnover(input.staff, input.leavers, quarterEnd, people) })),
    leavers: leaversBreakdown(input.staff, input.leavers, filters),
    exitThemes: exitThemes(input.exitInterviews, input.leavers, input.staff, filters),
    stayConversations: stayConversations(input.stayConversations, input.staff, filters),
    agencyConversions: agencyConversions(input.staff, filters),
    cohorts: cohortRetention(input.cohorts, input.cohortMembers, input.staff, input.leavers, asOf),
    caseload: { limit: input.caseloadLimit, ...caseload(input.caseloadWeeks, input.caseloadLimit, filters) },
  };
}
