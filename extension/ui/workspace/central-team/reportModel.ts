import { addDays, quarterStart } from '#shared/calendar';
import { reportFromPrepared, ReportPreparer, type Funnel, type Rate, type Report, type ReportFilters } from '#shared/measures/index';
import { STAGE_LABELS, type Source, type SocialWorkRole } from '#shared/schema/index';
import type { CsvColumn } from '@/ui/csv';
import type { CentralData } from './data';

export type PeriodChoice = 'this-quarter' | 'last-quarter' | 'last-12-months' | 'custom';

export interface ReportChoices {
  period: PeriodChoice;
  from?: string;
  to?: string;
  teamId?: string;
  role?: SocialWorkRole;
  source?: Source;
}

export function quarterLabel(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${y} Q${Math.floor((m - 1) / 3) + 1}`;
}

/** The applications-received window of a period choice, as of a date. */
export function periodRange(choice: ReportChoices, asOf: string): { from: string; to: string } {
  const thisQuarter = quarterStart(asOf);
  switch (choice.period) {
    case 'this-quarter':
      return { from: thisQuarter, to: asOf };
    case 'last-quarter': {
      const from = quarterStart(addDays(thisQuarter, -1));
      return { from, to: addDays(thisQuarter, -1) };
    }
    case 'last-12-months':
      return { from: addDays(asOf, -364), to: asOf };
    case 'custom':
      return { from: choice.from ?? addDays(asOf, -364), to: choice.to ?? asOf };
  }
}

/** The filters shared/measures takes, from what the person chose. */
export function toFilters(choice: ReportChoices, asOf: string): ReportFilters {
  const { from, to } = periodRange(choice, asOf);
  return {
    from,
    to,
    ...(choice.teamId ? { teamIds: [choice.teamId] } : {}),
    ...(choice.role ? { roles: [choice.role] } : {}),
    ...(choice.source ? { sources: [choice.source] } : {}),
    groupBy: 'month',
  };
}

/**
 * The page's prepared form of the local data: a snapshot (useCentralData re-reads it on every
 * change of the database) is prepared once, however often the filters change.
 */
const preparer = new ReportPreparer();

/** The report over the local data: exactly what computeReport (and the worker's /v1/reports/summary) computes. */
export function buildReport(data: CentralData, choice: ReportChoices): Report {
  const prepared = preparer.prepare({ applications: data.applications, events: data.events, vacancies: data.vacancies, adverts: data.adverts, posts: data.posts, settings: data.settings });
  return reportFromPrepared(prepared, toFilters(choice, data.asOf), data.asOf);
}

export const percent = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${Math.round(r * 100)}%`);
export const days = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${Math.round(n * 10) / 10}`);

/** The headline figures, one row each, for the page and the CSV export. */
export function headlineFigures(r: Report): Array<{ id: string; label: string; value: string }> {
  return [
    { id: 'applications', label: 'Applications received', value: String(r.applications) },
    { id: 'tth-median', label: 'Time to hire, median (calendar days)', value: days(r.timeToHire.calendarDays.median) },
    { id: 'tth-median-working', label: 'Time to hire, median (working days)', value: days(r.timeToHire.workingDays.median) },
    { id: 'tth-closing', label: 'Closing date to offer, median (calendar days)', value: days(r.timeToHire.closingToOffer.calendarDays.median) },
    { id: 'ttf-median', label: 'Time to fill, median (calendar days)', value: days(r.timeToFill.calendarDays.median) },
    { id: 'sla-shortlisting', label: 'Shortlisted within target (goal 95%)', value: percent(r.sla.shortlisting.rate) },
    { id: 'sla-interview', label: 'Interviewed within target (goal 95%)', value: percent(r.sla.interview.rate) },
    { id: 'offer-acceptance', label: 'Offer acceptance', value: percent(r.offerAcceptance.rate) },
    { id: 'vacancy-rate', label: 'Vacancy rate (DfE census)', value: percent(r.workforce.vacancyRate) },
    { id: 'agency-rate', label: 'Agency rate', value: percent(r.workforce.agencyRate) },
  ];
}

/**
 * One line of the funnel: applications reaching a stage (or leaving by an exit), all of them
 * (the headline funnel, like every other figure on the page) and external and internal ones
 * apart. Exit lines have no conversion rates.
 */
export interface FunnelRow {
  id: string;
  label: string;
  all: number;
  external: number;
  internal: number;
  fromPrevious?: Rate;
  fromApplied?: Rate;
  externalFromPrevious?: Rate;
  internalFromPrevious?: Rate;
}

/** The funnel's stage lines, for its table and CSV. */
export function funnelRows(f: Funnel): FunnelRow[] {
  const { external, internal } = f.byGroup;
  return f.steps.map((s, i) => ({
    id: s.stage,
    label: STAGE_LABELS[s.stage],
    all: s.count,
    external: external.steps[i]!.count,
    internal: internal.steps[i]!.count,
    fromPrevious: s.fromPrevious,
    fromApplied: s.fromApplied,
    externalFromPrevious: external.steps[i]!.fromPrevious,
    internalFromPrevious: internal.steps[i]!.fromPrevious,
  }));
}

/** The funnel's exit lines (we rejected, they withdrew): in its CSV after the stages. */
export function funnelExitRows(f: Funnel): FunnelRow[] {
  const { external, internal } = f.byGroup;
  return [
    { id: 'rejected', label: 'Rejected by us', all: f.exits.rejected, external: external.exits.rejected, internal: internal.exits.rejected },
    { id: 'withdrawn', label: 'Withdrew', all: f.exits.withdrawn, external: external.exits.withdrawn, internal: internal.exits.withdrawn },
  ];
}

/** The funnel's columns, the same in its table, print view and CSV. */
export const FUNNEL_COLUMNS: ReadonlyArray<CsvColumn<FunnelRow>> = [
  { header: 'Stage reached', value: (r) => r.label },
  { header: 'All applications', value: (r) => r.all },
  { header: 'From the step before', value: (r) => percent(r.fromPrevious) },
  { header: 'From applied', value: (r) => percent(r.fromApplied) },
  { header: 'External', value: (r) => r.external },
  { header: 'External, from the step before', value: (r) => percent(r.externalFromPrevious) },
  { header: 'Internal', value: (r) => r.internal },
  { header: 'Internal, from the step before', value: (r) => percent(r.internalFromPrevious) },
];

/** `?quarter=2026Q1` (the leadership print link) or `?period=last-quarter`; otherwise this quarter. */
export function choiceFromParams(params: URLSearchParams): ReportChoices {
  const quarter = /^(\d{4})Q([1-4])$/.exec(params.get('quarter') ?? '');
  if (quarter) {
    const from = `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
    return { period: 'custom', from, to: addDays(quarterStart(addDays(from, 95)), -1) };
  }
  const period = params.get('period');
  return { period: period === 'last-quarter' || period === 'last-12-months' || period === 'this-quarter' ? period : 'this-quarter' };
}
