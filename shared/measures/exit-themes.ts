import type { ExitInterview } from '../schema/retention';
import { inPeriod } from './filters';
import { periodOf } from './over-time';
import { staffMatches, type LeavingFacts, type StaffFacts } from './staff-in-post';
import type { ReportFilters } from './types';

/** What the measure reads of an exit interview: never its notes, which stay out of every report. */
export type ExitInterviewFacts = Pick<ExitInterview, 'leaverId' | 'outcome' | 'offeredOn' | 'heldOn'> & { themes?: readonly string[] | null };

export interface ExitThemesQuarter {
  /** '2026-Q2'. */
  quarter: string;
  /** Offered and not (yet) held or declined. */
  offered: number;
  held: number;
  declined: number;
  /** Theme → interviews held in the quarter that raised it. */
  themes: Record<string, number>;
}

/**
 * Exit interviews per calendar quarter: held ones (and their themes) in the quarter they were
 * held, the rest in the quarter they were offered. Filtered by the leaver's team and role, and by
 * that date for the period.
 */
export function exitThemes(interviews: readonly ExitInterviewFacts[], leavers: readonly LeavingFacts[], staff: readonly StaffFacts[], filters: ReportFilters): ExitThemesQuarter[] {
  const staffOf = new Map(staff.map((s) => [s.id, s]));
  const leaverStaff = new Map(leavers.map((l) => [l.id, staffOf.get(l.staffId)]));
  const quarters = new Map<string, ExitThemesQuarter>();
  for (const i of interviews) {
    const s = leaverStaff.get(i.leaverId);
    const date = i.outcome === 'held' ? i.heldOn : i.offeredOn;
    if (!s || !date || !staffMatches(s, filters) || !inPeriod(date, filters)) continue;
    const quarter = periodOf(date, 'quarter');
    let q = quarters.get(quarter);
    if (!q) quarters.set(quarter, (q = { quarter, offered: 0, held: 0, declined: 0, themes: {} }));
    q[i.outcome === 'pending' ? 'offered' : i.outcome]++;
    if (i.outcome === 'held') for (const theme of new Set(i.themes ?? [])) q.themes[theme] = (q.themes[theme] ?? 0) + 1;
  }
  return [...quarters.values()].sort((a, b) => a.quarter.localeCompare(b.quarter));
}

/** Theme → count over the quarters, most raised first. */
export function themeTotals(quarters: ReadonlyArray<{ themes: Record<string, number> }>): Array<[string, number]> {
  const totals: Record<string, number> = {};
  for (const q of quarters) for (const [t, n] of Object.entries(q.themes)) totals[t] = (totals[t] ?? 0) + n;
  return Object.entries(totals).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
