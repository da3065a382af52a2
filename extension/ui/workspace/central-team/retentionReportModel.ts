import { computeRetentionReport, NATIONAL_REFERENCE, themeTotals, type RetentionReport } from '#shared/measures/index';
import type { Settings } from '#shared/schema/index';
import type { RetentionData } from '../retention/data';
import { days, percent, toFilters, type ReportChoices } from './reportModel';

/** The retention measures over the local data, for the report's period, team and role (the source filter is about applications only). */
export function buildRetentionReport(data: RetentionData, choice: ReportChoices): RetentionReport {
  const { source: _source, ...people } = choice;
  return computeRetentionReport(
    {
      staff: data.staff,
      posts: data.posts,
      leavers: data.leavers,
      exitInterviews: data.exitInterviews,
      stayConversations: data.stayConversations,
      transfers: data.transfers,
      cohorts: data.cohorts,
      caseloadWeeks: data.caseloadWeeks,
      caseloadLimit: data.settings.caseloadLimit,
    },
    toFilters(people, data.asOf),
    data.asOf,
  );
}

export interface RetentionFigure {
  id: string;
  label: string;
  value: string;
  /** The council's own target (settings), when it has one for this measure. */
  target: string;
  /** England, 30 September 2023. */
  national: string;
}

const pct1 = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

/** The retention headline figures, each against the council's target and the national figure: for the page, the print view and the CSV. */
export function retentionFigures(r: RetentionReport, settings: Pick<Settings, 'turnoverTargetPercent' | 'caseloadLimit'>): RetentionFigure[] {
  const target = `≤ ${settings.turnoverTargetPercent}%`;
  const latestCaseload = r.caseload.byWeek.at(-1);
  const themes = themeTotals(r.exitThemes);
  return [
    { id: 'turnover-census', label: `Turnover, year to ${r.census.turnover.to} (DfE census)`, value: pct1(r.census.turnover.rate), target, national: pct1(NATIONAL_REFERENCE.turnover) },
    { id: 'turnover-rolling', label: `Turnover, 12 months to ${r.rolling.turnover.to}`, value: pct1(r.rolling.turnover.rate), target, national: pct1(NATIONAL_REFERENCE.turnover) },
    { id: 'stability', label: `Stability (in post a year ago, still in post on ${r.rolling.stability.to})`, value: percent(r.rolling.stability.rate), target: '', national: '' },
    { id: 'leavers', label: 'Leavers in the period (headcount, FTE)', value: `${r.leavers.leavers.count} (${r.leavers.leavers.fte} FTE)`, target: '', national: '' },
    { id: 'internal-moves', label: 'Internal moves in the period (not leavers)', value: String(r.leavers.internalMoves), target: '', national: '' },
    { id: 'agency-conversions', label: 'Agency-to-permanent conversions (of permanent starters)', value: `${r.agencyConversions.conversions} of ${r.agencyConversions.starters}`, target: '', national: '' },
    { id: 'exit-themes', label: 'Exit interview themes raised (held interviews)', value: themes.map(([t, n]) => `${t} ${n}`).join(', ') || 'none', target: '', national: '' },
    { id: 'transfer-wait', label: 'Transfers: median days from request to move', value: days(r.transfers.daysToMove.median), target: '', national: '' },
    { id: 'caseload', label: `Caseload, week of ${latestCaseload?.week ?? '—'} (cases ÷ FTE holding cases)`, value: days(latestCaseload?.caseload), target: `≤ ${settings.caseloadLimit}`, national: String(NATIONAL_REFERENCE.caseload) },
  ];
}
