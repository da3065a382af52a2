import type { ApplicationFacts } from './facts';
import { PIPELINE_INDEX } from './facts';
import { shortlistingOutcome } from './sla';
import { percentiles, rate } from './statistics';
import type { Rate, ReportFilters } from './types';

export interface PeriodRow {
  /** '2026-04' for months, '2026-Q2' for quarters. */
  period: string;
  applications: number;
  shortlisted: number;
  offered: number;
  hires: number;
  medianDaysToHire: number | null;
  /** Shortlisting SLA of the cohort, counted as in sla.ts. */
  shortlistingSla: Rate;
}

export const periodOf = (date: string, groupBy: 'month' | 'quarter') =>
  groupBy === 'month' ? date.slice(0, 7) : `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;

/** The label of a period number: months as year * 12 + month - 1, quarters as year * 4 + quarter - 1. */
const periodLabel = (n: number, groupBy: 'month' | 'quarter') =>
  groupBy === 'month' ? `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}` : `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;

/**
 * Cohorts by the month or quarter the application was received, for charts: how each
 * intake went on to fare. Periods with no applications are left out. Periods are keyed by
 * number (facts.receivedMonth), so no date is read as text on a report; periodOf gives the same labels.
 */
export function overTime(facts: readonly ApplicationFacts[], filters: ReportFilters, asOfDay: number): PeriodRow[] {
  const groupBy = filters.groupBy ?? 'month';
  const rows = new Map<number, { row: PeriodRow; days: number[]; met: number; judged: number }>();
  for (const f of facts) {
    const key = groupBy === 'month' ? f.receivedMonth : Math.floor(f.receivedMonth / 3);
    let r = rows.get(key);
    if (!r) {
      r = { row: { period: periodLabel(key, groupBy), applications: 0, shortlisted: 0, offered: 0, hires: 0, medianDaysToHire: null, shortlistingSla: null }, days: [], met: 0, judged: 0 };
      rows.set(key, r);
    }
    r.row.applications++;
    if (f.furthest >= PIPELINE_INDEX.shortlisted!) r.row.shortlisted++;
    if (f.furthest >= PIPELINE_INDEX.offered!) r.row.offered++;
    if (f.firstDay.accepted !== undefined) r.days.push(f.firstDay.accepted - f.receivedDay);
    const sla = shortlistingOutcome(f, asOfDay);
    if (sla === 'met') r.met++;
    if (sla === 'met' || sla === 'missed') r.judged++;
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, { row, days, met, judged }]) => ({
      ...row,
      hires: days.length,
      medianDaysToHire: percentiles(days, [0.5])[0]!,
      shortlistingSla: rate(met, judged),
    }));
}
