import { addDays, mondayOf } from '#shared/calendar';
import { agencyRate, vacancyRate, workforceFte, type WorkforceFte } from '#shared/measures/index';
import type { Post, Team } from '#shared/schema/index';

export interface TeamRow {
  team: Team;
  posts: Post[];
  fte: WorkforceFte;
  vacancyRate: number | null;
  agencyRate: number | null;
  weeklyAgencyCost: number;
  /** Agency covers ending within four weeks of today. */
  endingSoon: Post[];
  confirmedThisWeek: boolean;
}

/** Per team and overall: posts, FTE by cover, the DfE vacancy rate and the agency rate, as shared/measures computes them. */
export function establishment(teams: readonly Team[], posts: readonly Post[], asOf: string): { rows: TeamRow[]; total: Omit<TeamRow, 'team' | 'posts' | 'endingSoon' | 'confirmedThisWeek'> } {
  const week = mondayOf(asOf);
  const soon = addDays(asOf, 28);
  const rows = teams.map((team) => {
    const mine = posts.filter((p) => p.teamId === team.id);
    const fte = workforceFte(mine, {});
    return {
      team,
      posts: mine,
      fte,
      vacancyRate: vacancyRate(fte),
      agencyRate: agencyRate(fte),
      weeklyAgencyCost: mine.reduce((n, p) => n + (p.cover === 'agency' ? (p.agencyWeeklyCost ?? 0) : 0), 0),
      endingSoon: mine.filter((p) => p.cover === 'agency' && p.coverEndDate && p.coverEndDate >= asOf && p.coverEndDate <= soon),
      confirmedThisWeek: mine.length > 0 && mine.every((p) => p.confirmedWeek === week),
    };
  });
  const fte = workforceFte(posts, {});
  return {
    rows,
    total: { fte, vacancyRate: vacancyRate(fte), agencyRate: agencyRate(fte), weeklyAgencyCost: rows.reduce((n, r) => n + r.weeklyAgencyCost, 0) },
  };
}
