import type { Post } from '../schema/establishment';
import type { ReportFilters } from './types';

export interface WorkforceFte {
  permanent: number;
  /** Interim and secondment cover: staff employed by the council, so counted as filled. */
  interim: number;
  agency: number;
  /** Uncovered. */
  vacant: number;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** FTE of the establishment by cover state, for posts in the team and role filters. */
export function workforceFte(posts: readonly Post[], filters: ReportFilters): WorkforceFte {
  const fte = { permanent: 0, interim: 0, agency: 0, vacant: 0 };
  for (const p of posts) {
    if (filters.teamIds?.length && !filters.teamIds.includes(p.teamId)) continue;
    if (filters.roles?.length && !filters.roles.includes(p.role)) continue;
    fte[p.cover] += p.fte;
  }
  return { permanent: round(fte.permanent), interim: round(fte.interim), agency: round(fte.agency), vacant: round(fte.vacant) };
}
