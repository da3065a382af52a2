import type { CaseloadWeek as CaseloadWeekRecord } from '../schema/retention';
import { inPeriod } from './filters';
import type { ReportFilters } from './types';

/** A team's weekly caseload figure, confirmed with the establishment. */
export type CaseloadWeekFacts = Pick<CaseloadWeekRecord, 'teamId' | 'weekStart' | 'casesHeld' | 'fteHoldingCases'>;

export interface CaseloadRow {
  teamId: string;
  week: string;
  casesHeld: number;
  fteHoldingCases: number;
  /** Cases held ÷ FTE holding cases; null when no FTE holds cases. */
  caseload: number | null;
  overLimit: boolean;
}

export interface CaseloadWeek {
  week: string;
  casesHeld: number;
  fteHoldingCases: number;
  caseload: number | null;
  overLimit: boolean;
  /** Teams over the limit that week. */
  teamsOverLimit: number;
}

const ratio = (cases: number, fte: number) => (fte > 0 ? Math.round((cases / fte) * 10) / 10 : null);

/**
 * Caseload as the census defines it, cases held ÷ FTE holding cases, per team per week and over
 * the teams per week (the sum of cases ÷ the sum of FTE, not a mean of team figures), against the
 * council's limit (Dorset: 15). Team filter and period (by week) apply; a role filter does not: the
 * figure is a team's.
 */
export function caseload(weeks: readonly CaseloadWeekFacts[], limit: number, filters: Pick<ReportFilters, 'teamIds' | 'from' | 'to'> = {}): { rows: CaseloadRow[]; byWeek: CaseloadWeek[] } {
  const rows: CaseloadRow[] = [];
  const byWeek = new Map<string, CaseloadWeek>();
  for (const w of weeks) {
    if (filters.teamIds?.length && !filters.teamIds.includes(w.teamId)) continue;
    if ((filters.from || filters.to) && !inPeriod(w.weekStart, filters)) continue;
    const value = ratio(w.casesHeld, w.fteHoldingCases);
    const overLimit = value !== null && value > limit;
    rows.push({ teamId: w.teamId, week: w.weekStart, casesHeld: w.casesHeld, fteHoldingCases: w.fteHoldingCases, caseload: value, overLimit });
    let total = byWeek.get(w.weekStart);
    if (!total) byWeek.set(w.weekStart, (total = { week: w.weekStart, casesHeld: 0, fteHoldingCases: 0, caseload: null, overLimit: false, teamsOverLimit: 0 }));
    total.casesHeld += w.casesHeld;
    total.fteHoldingCases = Math.round((total.fteHoldingCases + w.fteHoldingCases) * 1000) / 1000;
    if (overLimit) total.teamsOverLimit++;
  }
  for (const t of byWeek.values()) {
    t.caseload = ratio(t.casesHeld, t.fteHoldingCases);
    t.overLimit = t.caseload !== null && t.caseload > limit;
  }
  rows.sort((a, b) => a.week.localeCompare(b.week) || a.teamId.localeCompare(b.teamId));
  return { rows, byWeek: [...byWeek.values()].sort((a, b) => a.week.localeCompare(b.week)) };
}
