import { dayNumber } from '../calendar';
import { agencyRate } from './agency-rate';
import { eventColumns } from './event-columns';
import { deriveFacts, type ApplicationFacts } from './facts';
import { applicationMatches } from './filters';
import { funnel, type Funnel } from './funnel';
import { offerAcceptance, type OfferAcceptance } from './offer-acceptance';
import { overTime, type PeriodRow } from './over-time';
import { sla, type Sla } from './sla';
import { sourceEffectiveness, type SourceRow } from './source-effectiveness';
import { timeInStage, type TimeInStage } from './time-in-stage';
import { closingDaysByVacancy, timeToHire, type TimeToHire } from './time-to-hire';
import { timeToFill, type TimeToFill } from './time-to-fill';
import type { Rate, ReportFilters, ReportInput } from './types';
import { vacancyRate } from './vacancy-rate';
import { workforceFte, type WorkforceFte } from './workforce';

export * from './types';
export { percentile, summarise, rate } from './statistics';
export { deriveFacts, type ApplicationFacts } from './facts';
export { eventColumns, type EventColumns } from './event-columns';
export { funnel, FUNNEL_STAGES, type Funnel, type FunnelStep } from './funnel';
export { timeToHire, type TimeToHire } from './time-to-hire';
export { timeToFill, type TimeToFill } from './time-to-fill';
export { timeInStage, TIMED_STAGES, type TimeInStage } from './time-in-stage';
export { sla, type Sla, type SlaCounts } from './sla';
export { offerAcceptance, type OfferAcceptance } from './offer-acceptance';
export { vacancyRate } from './vacancy-rate';
export { agencyRate } from './agency-rate';
export { workforceFte, type WorkforceFte } from './workforce';
export { sourceEffectiveness, type SourceRow } from './source-effectiveness';
export { overTime, periodOf, type PeriodRow } from './over-time';

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
 * walked once, so the cost grows linearly with applications and events.
 */
export function computeReport(input: ReportInput, filters: ReportFilters = {}): Report {
  const { settings } = input;
  const division = settings.division;
  const vacancies = new Map(input.vacancies.map((v) => [v.id, v]));
  const columns = eventColumns(input.applications, input.events);
  const all: ApplicationFacts[] = [];
  const facts: ApplicationFacts[] = [];
  for (let k = 0; k < input.applications.length; k++) {
    const application = input.applications[k]!;
    const vacancy = vacancies.get(application.vacancyId);
    const f = deriveFacts(application, vacancy, columns, k, settings);
    all.push(f);
    if (applicationMatches(application, vacancy, filters)) facts.push(f);
  }
  const asOfDay = dayNumber(input.asOf);
  const fte = workforceFte(input.posts ?? [], filters);
  return {
    asOf: input.asOf,
    filters,
    applications: facts.length,
    timeToHire: timeToHire(facts, closingDaysByVacancy(input.adverts ?? []), division),
    timeToFill: timeToFill(input.vacancies, input.adverts ?? [], all, filters, division),
    timeInStage: timeInStage(facts, columns, division),
    funnel: funnel(facts),
    sla: sla(facts, settings, asOfDay),
    offerAcceptance: offerAcceptance(facts),
    workforce: { ...fte, vacancyRate: vacancyRate(fte), agencyRate: agencyRate(fte) },
    sources: sourceEffectiveness(facts, division),
    overTime: overTime(facts, filters, asOfDay),
  };
}
