/**
 * Teams and the establishment (posts and how each is covered this week). Cover states are
 * laid out by hand, not drawn at random, so the census figures land where domain.md says a
 * demo should: vacancy rate ~18%, agency rate ~16% overall; Children with Disabilities at
 * ~24% and ~19% with three agency workers whose cover ends next month (journeys.md, Amira).
 */
import type { CoverState, Post, SocialWorkRole, Team } from '../shared/schema/index';
import { addDays, addMonths, dateMs, mondayOf, nextMonthStart } from './dates';
import { AGENCIES } from './names';
import { MANAGERS, type TeamKey } from './people';
import { Rng } from './prng';

interface TeamSpec {
  key: TeamKey;
  name: string;
  type: Team['type'];
  area: string;
  /** Posts by role, in ladder order from the top. */
  roles: Array<[SocialWorkRole, number]>;
  /** How many posts of each role are not permanently filled: [role, cover]. */
  cover: Array<[SocialWorkRole, Exclude<CoverState, 'permanent'>]>;
  /** FTE of part-time permanent posts (one entry per part-time social worker post). */
  partTime: number[];
  /** Agency workers whose cover ends next month (the rest end later). */
  endingNextMonth: number;
}

export const TEAM_SPECS: readonly TeamSpec[] = [
  {
    key: 'front_door', name: 'Front Door and MASH', type: 'front_door', area: 'Borough-wide (Civic Centre)',
    roles: [['team_manager', 1], ['assistant_team_manager', 1], ['advanced_practitioner', 1], ['senior_social_worker', 3], ['social_worker', 6], ['nqsw', 2]],
    cover: [['social_worker', 'agency'], ['senior_social_worker', 'agency']],
    partTime: [0.8], endingNextMonth: 0,
  },
  {
    key: 'assessment', name: 'Assessment Team', type: 'assessment', area: 'North (Kingsbridge)',
    roles: [['team_manager', 1], ['assistant_team_manager', 1], ['advanced_practitioner', 1], ['senior_social_worker', 3], ['social_worker', 7], ['nqsw', 3]],
    cover: [['senior_social_worker', 'agency'], ['social_worker', 'agency'], ['social_worker', 'agency'], ['senior_social_worker', 'vacant']],
    partTime: [0.6], endingNextMonth: 1,
  },
  {
    key: 'cp_east', name: 'Child Protection East', type: 'child_protection', area: 'East (Marlow Vale)',
    roles: [['team_manager', 1], ['assistant_team_manager', 1], ['consultant', 1], ['senior_social_worker', 4], ['social_worker', 8], ['nqsw', 3]],
    cover: [['social_worker', 'agency'], ['social_worker', 'agency'], ['senior_social_worker', 'agency'], ['assistant_team_manager', 'interim']],
    partTime: [0.8, 0.5], endingNextMonth: 0,
  },
  {
    key: 'cp_west', name: 'Child Protection West', type: 'child_protection', area: 'West (Ashcombe)',
    roles: [['team_manager', 1], ['assistant_team_manager', 1], ['advanced_practitioner', 1], ['senior_social_worker', 4], ['social_worker', 8], ['nqsw', 3]],
    cover: [['social_worker', 'agency'], ['social_worker', 'agency'], ['senior_social_worker', 'agency']],
    partTime: [0.8], endingNextMonth: 1,
  },
  {
    key: 'children_in_care', name: 'Children in Care', type: 'children_in_care', area: 'Central (Wessex House)',
    roles: [['team_manager', 1], ['assistant_team_manager', 1], ['advanced_practitioner', 1], ['senior_social_worker', 3], ['social_worker', 7], ['nqsw', 2]],
    cover: [['social_worker', 'agency'], ['social_worker', 'vacant'], ['senior_social_worker', 'agency']],
    partTime: [0.6], endingNextMonth: 0,
  },
  {
    key: 'disabilities', name: 'Children with Disabilities', type: 'disabilities', area: 'Borough-wide (Beech Lodge)',
    roles: [['team_manager', 1], ['assistant_team_manager', 1], ['advanced_practitioner', 1], ['senior_social_worker', 3], ['social_worker', 9], ['nqsw', 2]],
    cover: [['social_worker', 'agency'], ['social_worker', 'agency'], ['senior_social_worker', 'agency'], ['social_worker', 'vacant']],
    partTime: [0.8], endingNextMonth: 3,
  },
  {
    key: 'leaving_care', name: 'Leaving Care', type: 'leaving_care', area: 'Central (Wessex House)',
    roles: [['team_manager', 1], ['advanced_practitioner', 1], ['senior_social_worker', 2], ['social_worker', 6], ['nqsw', 1]],
    cover: [['social_worker', 'agency'], ['senior_social_worker', 'interim']],
    partTime: [], endingNextMonth: 0,
  },
  {
    key: 'fostering', name: 'Fostering and Kinship', type: 'fostering', area: 'South (Southfield)',
    roles: [['team_manager', 1], ['assistant_team_manager', 1], ['senior_social_worker', 2], ['social_worker', 7]],
    cover: [['social_worker', 'agency']],
    partTime: [], endingNextMonth: 0,
  },
];

/** The council's own grade text for each rung of the ladder. */
export const GRADES: Record<SocialWorkRole, string> = {
  nqsw: 'WB8 (ASYE) £33,945–£35,745',
  social_worker: 'WB9 £37,938–£42,708',
  senior_social_worker: 'WB10 £42,708–£46,731',
  advanced_practitioner: 'WB11 £46,731–£50,788',
  consultant: 'WB12 £49,764–£53,799',
  assistant_team_manager: 'WB12 £49,764–£53,799',
  team_manager: 'WB13 £54,822–£59,889',
  iro: 'WB12 £49,764–£53,799',
};

export interface Establishment {
  teams: Team[];
  posts: Post[];
  /** Team id by key, for the other generator modules. */
  teamId: Record<TeamKey, string>;
}

export function generateEstablishment(asOf: string, seed: number): Establishment {
  const rng = new Rng(seed, 'establishment');
  const created = dateMs(addMonths(asOf, -30)); // teams and posts predate the data window
  const thisWeek = mondayOf(asOf);
  const nextMonth = nextMonthStart(asOf);
  const teams: Team[] = [];
  const posts: Post[] = [];
  const teamId = {} as Record<TeamKey, string>;

  for (const spec of TEAM_SPECS) {
    const id = rng.uuid(created);
    teamId[spec.key] = id;
    teams.push({ id, name: spec.name, type: spec.type, area: spec.area, managerId: MANAGERS[spec.key].id });

    const remainingCover = [...spec.cover];
    const partTime = [...spec.partTime];
    let endingNextMonth = spec.endingNextMonth;
    for (const [role, count] of spec.roles) {
      for (let i = 0; i < count; i++) {
        const coverIdx = remainingCover.findIndex(([r]) => r === role);
        const cover: CoverState = coverIdx >= 0 ? (remainingCover.splice(coverIdx, 1)[0]?.[1] ?? 'permanent') : 'permanent';
        // Part-time hours go to permanent social workers, as in most teams.
        const fte = cover === 'permanent' && role === 'social_worker' && partTime.length > 0 ? (partTime.shift() ?? 1) : 1;
        const post: Post = {
          id: rng.uuid(created),
          teamId: id,
          role,
          gradeText: GRADES[role],
          fte,
          cover,
          // Most posts were confirmed this week; a few managers are behind (the weekly tracking).
          confirmedWeek: addDays(thisWeek, -7 * rng.weighted([[0, 7], [1, 2], [3, 1]] as const)),
        };
        if (cover === 'agency') {
          post.agencyName = rng.pick(AGENCIES);
          post.agencyWeeklyCost = 1600 + 10 * rng.int(0, 80);
          if (endingNextMonth > 0) {
            endingNextMonth--;
            post.coverEndDate = addDays(nextMonth, rng.int(2, 25));
          } else {
            post.coverEndDate = addDays(addMonths(nextMonth, 1), rng.int(0, 120));
          }
          post.note = 'Locum covering the post while we recruit';
        } else if (cover === 'vacant') {
          post.note = 'Uncovered: caseload shared across the team';
        } else if (cover === 'interim') {
          post.note = 'Internal secondment covering the post';
          post.coverEndDate = addDays(addMonths(asOf, rng.int(2, 5)), 0);
        }
        posts.push(post);
      }
    }
    if (remainingCover.length > 0) throw new Error(`team spec ${spec.key}: cover for roles it does not have`);
  }
  return { teams, posts, teamId };
}

/**
 * Census rates from posts (DfE children's social work workforce census, domain.md):
 * vacancy rate = (vacant + agency-covered FTE) / (those + FTE of the council's own staff);
 * agency rate = agency FTE / (agency + own staff FTE). Interim and secondment cover is the
 * council's own staff, so it counts as filled (as shared/measures counts it).
 */
export function censusRates(posts: readonly Post[]): { vacancyRate: number; agencyRate: number; vacanciesFte: number; agencyFte: number; ownStaffFte: number } {
  let vacant = 0;
  let agency = 0;
  let own = 0;
  for (const p of posts) {
    if (p.cover === 'vacant') vacant += p.fte;
    else if (p.cover === 'agency') agency += p.fte;
    else own += p.fte;
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    vacancyRate: (vacant + agency) / (vacant + agency + own),
    agencyRate: agency / (agency + own),
    vacanciesFte: round(vacant + agency),
    agencyFte: round(agency),
    ownStaffFte: round(own),
  };
}
