import { dayNumber } from '../calendar';
import { agencyRate } from './agency-rate';
import type { ApplicationFacts } from './facts';
import { applicationMatches } from './filters';
import { funnel, type Funnel } from './funnel';
import { offerAcceptance, type OfferAcceptance } from './offer-acceptance';
import { overTime, type PeriodRow } from './over-time';
import { sla, type Sla } from './sla';
import { sourceEffectiveness, type SourceRow } from './source-effectiveness';
import { timeInStage, type TimeInStage } from './time-in-stage';
import { prepareReport, type PreparedReport } from './prepared';
import { timeToHire, type TimeToHire } from './time-to-hire';
import { timeToFill, type TimeToFill } from './time-to-fill';
import type { Rate, ReportFilters, ReportInput } from './types';
import { vacancyRate } from './vacancy-rate';
import { workforceFte, type WorkforceFte } from './workforce';

export * from './types';
export { percentile, percentiles, summarise, rate } from './statistics';
export { deriveFacts, type ApplicationFacts } from './facts';
export { eventColumns, type EventColumns } from './event-columns';
export { factsOf, prepareReport, ReportPreparer, type PreparedReport, type ReportData } from './prepared';
export { funnel, funnelGroupOf, FUNNEL_GROUPS, FUNNEL_STAGES, type Funnel, type FunnelCounts, type FunnelGroup, type FunnelStep } from './funnel';
export { timeToHire, type TimeToHire } from './time-to-hire';
export { firstStartByVacancy, timeToFill, type TimeToFill } from './time-to-fill';
export { timeInStage, TIMED_STAGES, type TimeInStage } from './time-in-stage';
export { sla, type Sla, type SlaCounts } from './sla';
export { offerAcceptance, type OfferAcceptance } from './offer-acceptance';
export { vacancyRate } from './vacancy-rate';
export { agencyRate } from './agency-rate';
export { workforceFte, type WorkforceFte } from './workforce';
export { sourceEffectiveness, type SourceRow } from './source-effectiveness';
export { overTime, periodOf, type PeriodRow } from './over-time';
// Retention (issue 16): DfE census measures over staff, leavers and what is recorded about them.
export { inPostForCensus, lastCensusDate, leftOn, staffFacts, yearTo, type LeavingFacts, type StaffFacts } from './staff-in-post';
export { turnover, type Turnover } from './turnover';
export { stability, type Stability } from './stability';
export { leaversBreakdown, type LeaversBreakdown, type Tally } from './leavers';
export { exitThemes, themeTotals, type ExitInterviewFacts, type ExitThemesQuarter } from './exit-themes';
export { stayConversations, type StayConversationFacts, type StayQuarter } from './stay-conversations';
export { cohortRetention, RETENTION_MONTHS, type CohortFacts, type CohortMemberFacts, type CohortRow } from './cohort-retention';
export { caseload, type CaseloadRow, type CaseloadWeek, type CaseloadWeekFacts } from './caseload';
export { agencyConversions, type AgencyConversions } from './agency-conversion';
export { transfers, type TransferFacts, type Transfers } from './transfers';
export { NATIONAL_REFERENCE } from './national';
export { computeRetentionReport, quarterEnds, type RetentionInput, type RetentionReport } from './retention-report';

export interface Report {
  asOf: string;
  filters: ReportFilters;
  applications: number;
  timeToHire: TimeToHire;
  timeToFill: TimeToFill;
  timeInStage: TimeInStage;
  funnel: Funnel;
  sla: Sla;
  offerAcceptance: OfferAcceptance;
  workforce: WorkforceFte & { vacancyRate: Rate; agencyRate: Rate };
  sources: SourceRow[];
  overTime: PeriodRow[];
}

/**
 * Every measure of domain.md "Measures" over one data set. Events are read once into
 * columns grouped by application (event-columns.ts) and each application's history is
 * walked once, so the cost grows linearly with applications and events. A page that
 * reports over the same data again (other filters, a later day) prepares it once
 * (prepareReport, ReportPreparer) and calls reportFromPrepared.
 */
export function computeReport(input: ReportInput, filters: ReportFilters = {}): Report {
  return reportFromPrepared(prepareReport(input), filters, input.asOf);
}

/** The report over prepared data: filtering and counting only. */
export function reportFromPrepared(prepared: PreparedReport, filters: ReportFilters, asOf: string): Report {
  const { settings } = prepared;
  const division = settings.division;
  const facts: ApplicationFacts[] = [];
  for (const f of prepared.facts) if (applicationMatches(f.application, f.vacancy, filters)) facts.push(f);
  const asOfDay = dayNumber(asOf);
  const fte = workforceFte(prepared.posts, filters);
  return {
    asOf,
    filters,
    applications: facts.length,
    timeToHire: timeToHire(facts, prepared.closingDay, division),
    timeToFill: timeToFill(prepared.vacancies, prepared.adverts, prepared.firstStart, filters, division),
    timeInStage: timeInStage(facts),
    funnel: funnel(facts),
    sla: sla(facts, asOfDay),
    offerAcceptance: offerAcceptance(facts),
    workforce: { ...fte, vacancyRate: vacancyRate(fte), agencyRate: agencyRate(fte) },
    sources: sourceEffectiveness(facts),
    overTime: overTime(facts, filters, asOfDay),
  };
}
