import { addDays, mondayOf } from '#shared/calendar';
import { caseload, workforceFte, type CaseloadRow } from '#shared/measures/index';
import type { CaseloadWeek, Post, Team } from '#shared/schema/index';
import { upsert, type PlannedUpsert } from '#shared/staff/index';

/** The Mondays of the last `n` weeks, this one last. */
export function lastWeeks(today: string, n: number): string[] {
  const monday = mondayOf(today);
  return Array.from({ length: n }, (_, i) => addDays(monday, -7 * (n - 1 - i)));
}

export interface CaseloadGrid {
  weeks: string[];
  limit: number;
  teams: Array<{ team: Team; cells: Array<CaseloadRow | null>; establishmentFte: number }>;
  /** Over all teams each week: total cases ÷ total FTE holding cases. */
  totals: Array<number | null>;
}

/**
 * Each team's caseload per week against the council's limit, as shared/measures computes it, and
 * the FTE in post the establishment shows today (a case-holding figure is confirmed against it).
 */
export function caseloadGrid(data: { teams: readonly Team[]; posts: readonly Post[]; caseloadWeeks: readonly CaseloadWeek[] }, limit: number, today: string, n = 8): CaseloadGrid {
  const weeks = lastWeeks(today, n);
  const { rows, byWeek } = caseload(data.caseloadWeeks, limit, { from: weeks[0], to: weeks.at(-1) });
  const cell = new Map(rows.map((r) => [`${r.teamId} ${r.week}`, r]));
  const total = new Map(byWeek.map((w) => [w.week, w.caseload]));
  return {
    weeks,
    limit,
    teams: data.teams.map((team) => {
      const fte = workforceFte(
        data.posts.filter((p) => p.teamId === team.id),
        {},
      );
      return { team, cells: weeks.map((w) => cell.get(`${team.id} ${w}`) ?? null), establishmentFte: Math.round((fte.permanent + fte.interim + fte.agency) * 100) / 100 };
    }),
    totals: weeks.map((w) => total.get(w) ?? null),
  };
}

export interface CaseloadDraft {
  casesHeld: string;
  fteHoldingCases: string;
}

/** This week's figure of one team: the record for that team and week is changed if there is one, otherwise created. */
export function caseloadChanges(
  existing: readonly CaseloadWeek[],
  teamId: string,
  weekStart: string,
  d: CaseloadDraft,
  confirmedBy: string,
  newId: () => string,
): { ok: false; errors: Record<string, string> } | { ok: true; changes: PlannedUpsert[] } {
  const errors: Record<string, string> = {};
  if (!/^\s*\d+\s*$/.test(d.casesHeld)) errors.casesHeld = 'give the number of cases held';
  if (!/^\s*\d+(\.\d+)?\s*$/.test(d.fteHoldingCases)) errors.fteHoldingCases = 'give the FTE holding cases';
  if (Object.keys(errors).length) return { ok: false, errors };
  const id = existing.find((w) => w.teamId === teamId && w.weekStart === weekStart)?.id ?? newId();
  return { ok: true, changes: [upsert('caseload_weeks', id, { teamId, weekStart, casesHeld: Number(d.casesHeld), fteHoldingCases: Number(d.fteHoldingCases), confirmedBy })] };
}
