/**
 * The council's 25 recruitments over the last six months and their adverts. Timing is laid
 * out in weeks before `asOf`, so the same story (older closing-date rounds filled, rolling
 * adverts open now, a spring ASYE cohort still advertising) holds whatever date the demo runs.
 */
import type { Advert, SocialWorkRole, Vacancy } from '../shared/schema/index';
import { addDays, addWorkingDays, dateMs, maxDate, mondayOf, subtractWorkingDays, workingDayOnOrAfter, workingDayOnOrBefore } from './dates';
import { COMMUNITY_CARE_ORIGIN, MICROSITE_ORIGIN, slugify } from './names';
import type { TeamKey } from './people';
import { Rng } from './prng';

export type VacancyKey =
  | 'cic_sw' | 'cic_ssw' | 'cic_sw_previous' | 'assessment_ssw_new' | 'assessment_sw' | 'assessment_atm'
  | 'front_door_tm' | 'mash_sw' | 'cp_campaign' | 'cpe_ap' | 'cpw_ssw' | 'cpe_consultant'
  | 'cwd_sw' | 'cwd_ssw' | 'lc_sw' | 'lc_uasc' | 'fostering_sw' | 'kinship_sw'
  | 'asye_autumn' | 'asye_spring' | 'iro' | 'cpw_tm' | 'cwd_atm' | 'front_door_sw' | 'lc_ssw';

export interface VacancySpec {
  key: VacancyKey;
  title: string;
  teams: TeamKey[];
  role: SocialWorkRole;
  posts: number;
  mode: Vacancy['mode'];
  status: Vacancy['status'];
  /** Advert went live this many weeks before the week of asOf. */
  openedWeeksAgo: number;
  /** Closing-date adverts run this many weeks; rolling adverts that ended ran this long. */
  runWeeks?: number;
  /** Generated (not scripted) applications. */
  apps: number;
  /** Candidates who accepted an offer (filled vacancies: one per post). */
  hires: number;
  /** Candidates who turned an offer down. */
  declines: number;
  /** Candidates heading for an offer whose process is still under way at asOf. */
  inFlight: number;
  /** No generated application arrives in the last N weeks (keeps a manager's queue exact). */
  quietWeeks?: number;
  /** Boards other than Community Care Jobs. */
  boards: Array<'microsite' | 'guardian' | 'indeed'>;
  /** Tracked adverts; false for the vacancy created last week that has no advert linked yet. */
  advertised?: boolean;
}

const v = (spec: Omit<VacancySpec, 'declines' | 'inFlight' | 'boards'> & Partial<Pick<VacancySpec, 'declines' | 'inFlight' | 'boards'>>): VacancySpec => ({
  declines: 0,
  inFlight: 0,
  boards: ['microsite'],
  ...spec,
});

export const VACANCY_SPECS: readonly VacancySpec[] = [
  // Journey 1 (Priya): the rolling Children in Care advert; its 14 applicants are scripted.
  v({ key: 'cic_sw', title: 'Social Worker – Children in Care', teams: ['children_in_care'], role: 'social_worker', posts: 2, mode: 'rolling', status: 'open', openedWeeksAgo: 7, apps: 0, hires: 0 }),
  v({ key: 'cic_ssw', title: 'Senior Social Worker – Children in Care', teams: ['children_in_care'], role: 'senior_social_worker', posts: 1, mode: 'rolling', status: 'open', openedWeeksAgo: 6, apps: 5, hires: 0, quietWeeks: 4 }),
  v({ key: 'cic_sw_previous', title: 'Social Worker – Children in Care', teams: ['children_in_care'], role: 'social_worker', posts: 2, mode: 'closing-date', status: 'filled', openedWeeksAgo: 25, runWeeks: 4, apps: 24, hires: 2 }),
  // Journey 2: created last week, advert not yet linked ("Track this advert").
  v({ key: 'assessment_ssw_new', title: 'Senior Social Worker – Assessment Team', teams: ['assessment'], role: 'senior_social_worker', posts: 1, mode: 'closing-date', status: 'open', openedWeeksAgo: 1, runWeeks: 4, apps: 0, hires: 0, boards: [], advertised: false }),
  v({ key: 'assessment_sw', title: 'Social Worker – Assessment Team', teams: ['assessment'], role: 'social_worker', posts: 2, mode: 'closing-date', status: 'filled', openedWeeksAgo: 21, runWeeks: 4, apps: 16, hires: 2 }),
  v({ key: 'assessment_atm', title: 'Assistant Team Manager – Assessment Team', teams: ['assessment'], role: 'assistant_team_manager', posts: 1, mode: 'closing-date', status: 'cancelled', openedWeeksAgo: 15, runWeeks: 3, apps: 5, hires: 0, boards: ['guardian'] }),
  v({ key: 'front_door_tm', title: 'Team Manager – Front Door and MASH', teams: ['front_door'], role: 'team_manager', posts: 1, mode: 'closing-date', status: 'closed', openedWeeksAgo: 5, runWeeks: 4, apps: 6, hires: 0, boards: ['microsite', 'guardian'] }),
  v({ key: 'mash_sw', title: 'Social Worker – MASH', teams: ['front_door'], role: 'social_worker', posts: 2, mode: 'rolling', status: 'filled', openedWeeksAgo: 23, runWeeks: 10, apps: 30, hires: 2, declines: 1 }),
  v({ key: 'cp_campaign', title: 'Social Workers – Child Protection (East and West)', teams: ['cp_east', 'cp_west'], role: 'social_worker', posts: 4, mode: 'rolling', status: 'open', openedWeeksAgo: 12, apps: 54, hires: 3, declines: 2, inFlight: 2, boards: ['microsite', 'indeed'] }),
  v({ key: 'cpe_ap', title: 'Advanced Practitioner – Child Protection East', teams: ['cp_east'], role: 'advanced_practitioner', posts: 1, mode: 'closing-date', status: 'open', openedWeeksAgo: 2, runWeeks: 3, apps: 4, hires: 0 }),
  v({ key: 'cpw_ssw', title: 'Senior Social Worker – Child Protection West', teams: ['cp_west'], role: 'senior_social_worker', posts: 2, mode: 'closing-date', status: 'filled', openedWeeksAgo: 24, runWeeks: 5, apps: 18, hires: 2, declines: 1 }),
  v({ key: 'cpe_consultant', title: 'Consultant Social Worker – Child Protection East', teams: ['cp_east'], role: 'consultant', posts: 1, mode: 'closing-date', status: 'filled', openedWeeksAgo: 18, runWeeks: 4, apps: 8, hires: 1, boards: ['microsite', 'guardian'] }),
  v({ key: 'cwd_sw', title: 'Social Worker – Children with Disabilities', teams: ['disabilities'], role: 'social_worker', posts: 2, mode: 'rolling', status: 'open', openedWeeksAgo: 9, apps: 22, hires: 1, declines: 1, inFlight: 1 }),
  v({ key: 'cwd_ssw', title: 'Senior Social Worker – Children with Disabilities', teams: ['disabilities'], role: 'senior_social_worker', posts: 1, mode: 'closing-date', status: 'closed', openedWeeksAgo: 16, runWeeks: 4, apps: 8, hires: 0, declines: 1 }),
  v({ key: 'lc_sw', title: 'Social Worker – Leaving Care', teams: ['leaving_care'], role: 'social_worker', posts: 1, mode: 'rolling', status: 'filled', openedWeeksAgo: 17, runWeeks: 7, apps: 14, hires: 1 }),
  v({ key: 'lc_uasc', title: 'Social Worker – Leaving Care (Unaccompanied Asylum-Seeking Children)', teams: ['leaving_care'], role: 'social_worker', posts: 1, mode: 'closing-date', status: 'open', openedWeeksAgo: 3, runWeeks: 5, apps: 5, hires: 0 }),
  v({ key: 'fostering_sw', title: 'Supervising Social Worker – Fostering', teams: ['fostering'], role: 'social_worker', posts: 2, mode: 'closing-date', status: 'filled', openedWeeksAgo: 22, runWeeks: 5, apps: 15, hires: 2, declines: 1 }),
  v({ key: 'kinship_sw', title: 'Supervising Social Worker – Kinship Care', teams: ['fostering'], role: 'social_worker', posts: 1, mode: 'rolling', status: 'open', openedWeeksAgo: 8, apps: 9, hires: 0, declines: 1, inFlight: 1 }),
  v({ key: 'asye_autumn', title: 'Newly Qualified Social Workers (ASYE) – Autumn Cohort', teams: ['assessment', 'cp_east', 'cp_west', 'children_in_care'], role: 'nqsw', posts: 5, mode: 'closing-date', status: 'filled', openedWeeksAgo: 26, runWeeks: 5, apps: 60, hires: 5, declines: 2, boards: ['microsite', 'indeed'] }),
  v({ key: 'asye_spring', title: 'Newly Qualified Social Workers (ASYE) – Spring Cohort', teams: ['front_door', 'assessment', 'cp_east', 'cp_west'], role: 'nqsw', posts: 4, mode: 'closing-date', status: 'open', openedWeeksAgo: 4, runWeeks: 6, apps: 36, hires: 0, boards: ['microsite', 'indeed'] }),
  v({ key: 'iro', title: 'Independent Reviewing Officer / Child Protection Chair', teams: [], role: 'iro', posts: 1, mode: 'closing-date', status: 'filled', openedWeeksAgo: 20, runWeeks: 4, apps: 7, hires: 1, boards: ['microsite', 'guardian'] }),
  v({ key: 'cpw_tm', title: 'Team Manager – Child Protection West', teams: ['cp_west'], role: 'team_manager', posts: 1, mode: 'closing-date', status: 'filled', openedWeeksAgo: 24, runWeeks: 4, apps: 6, hires: 1, boards: ['microsite', 'guardian'] }),
  v({ key: 'cwd_atm', title: 'Assistant Team Manager – Children with Disabilities', teams: ['disabilities'], role: 'assistant_team_manager', posts: 1, mode: 'closing-date', status: 'filled', openedWeeksAgo: 14, runWeeks: 3, apps: 6, hires: 1 }),
  v({ key: 'front_door_sw', title: 'Social Worker – Front Door and MASH', teams: ['front_door'], role: 'social_worker', posts: 1, mode: 'closing-date', status: 'closed', openedWeeksAgo: 8, runWeeks: 4, apps: 16, hires: 0, inFlight: 1 }),
  v({ key: 'lc_ssw', title: 'Senior Social Worker – Leaving Care', teams: ['leaving_care'], role: 'senior_social_worker', posts: 1, mode: 'closing-date', status: 'filled', openedWeeksAgo: 13, runWeeks: 3, apps: 10, hires: 1 }),
];

export interface DemoVacancy {
  spec: VacancySpec;
  record: Vacancy;
  /** First and last dates applications can arrive (inside the six-month window). */
  receiveFrom: string;
  receiveTo: string;
  /** When applications become ready for a shortlisting decision (closing-date: the closing date). */
  readyFrom: string | null;
}

export interface VacancyContext {
  asOf: string;
  /** Last day anything happened: the day before asOf. */
  cutoff: string;
  windowStart: string;
  teamId: Record<TeamKey, string>;
}

/** Campaign adverts carry shortlisting and interview dates in advance (Herefordshire framework). */
const SHORTLIST_AFTER_CLOSING = 3;
const INTERVIEW_AFTER_CLOSING = 8;

export function generateVacancies(ctx: VacancyContext, seed: number): DemoVacancy[] {
  const rng = new Rng(seed, 'vacancies');
  const week = mondayOf(ctx.asOf);
  let reference = 2310;
  return VACANCY_SPECS.map((spec) => {
    const opened = workingDayOnOrAfter(addDays(week, -7 * spec.openedWeeksAgo + rng.int(0, 2)));
    const record: Vacancy = {
      id: rng.uuid(dateMs(opened) - 86_400_000 * 7), // created a week before it went live
      title: spec.title,
      teamIds: spec.teams.map((t) => ctx.teamId[t]),
      role: spec.role,
      posts: spec.posts,
      mode: spec.mode,
      reference: `WBC-CSC-${(reference += rng.int(3, 40))}`,
      openedDate: opened,
      status: spec.status,
    };
    let receiveTo = ctx.cutoff;
    let readyFrom: string | null = null;
    if (spec.mode === 'closing-date') {
      const closing = workingDayOnOrBefore(addDays(opened, 7 * (spec.runWeeks ?? 4) - 3));
      record.closingDate = closing;
      record.plannedShortlistDate = addWorkingDays(closing, SHORTLIST_AFTER_CLOSING);
      record.plannedInterviewDate = addWorkingDays(closing, INTERVIEW_AFTER_CLOSING);
      receiveTo = closing < ctx.cutoff ? closing : ctx.cutoff;
      readyFrom = closing;
    } else if (spec.runWeeks !== undefined) {
      // A rolling advert taken down once the posts were filled.
      const ended = workingDayOnOrBefore(addDays(opened, 7 * spec.runWeeks));
      record.closingDate = ended;
      receiveTo = ended;
    }
    if (spec.quietWeeks) receiveTo = subtractWorkingDays(ctx.asOf, 5 * spec.quietWeeks);
    const receiveFrom = maxDate(opened, ctx.windowStart);
    return { spec, record, receiveFrom, receiveTo, readyFrom };
  });
}

export interface AdvertIds {
  /** Community Care Jobs ids already used (the demo's untracked advert must not collide). */
  usedExternalIds: Set<string>;
}

/** One Community Care Jobs advert per advertised vacancy, plus microsite and other boards. */
export function generateAdverts(vacancies: readonly DemoVacancy[], ctx: VacancyContext, seed: number): { adverts: Advert[]; ids: AdvertIds } {
  const rng = new Rng(seed, 'adverts');
  const used = new Set<string>();
  const adverts: Advert[] = [];
  let ccId = 4_180_000 + rng.int(0, 9_000);
  for (const { spec, record } of vacancies) {
    if (spec.advertised === false) continue;
    const posted = record.openedDate ?? ctx.windowStart;
    // A rolling advert stays live: the board shows a closing date that is pushed on each month.
    const closing = record.closingDate ?? addDays(ctx.asOf, 21 + rng.int(0, 10));
    const slug = slugify(spec.title);
    ccId += rng.int(1_200, 9_000);
    const externalId = String(ccId);
    used.add(externalId);
    const base = { vacancyId: record.id, title: spec.title, reference: record.reference, postedDate: posted, closingDate: closing };
    adverts.push({ id: rng.uuid(dateMs(posted)), ...base, board: 'Community Care Jobs', externalId, url: `${COMMUNITY_CARE_ORIGIN}/job/${externalId}/${slug}/` });
    for (const board of spec.boards) {
      if (board === 'microsite') {
        adverts.push({ id: rng.uuid(dateMs(posted)), ...base, board: 'Council microsite', externalId: record.reference, url: `${MICROSITE_ORIGIN}/jobs/${slug}` });
      } else if (board === 'guardian') {
        const gid = String(8_800_000 + rng.int(0, 199_999));
        adverts.push({ id: rng.uuid(dateMs(posted)), ...base, board: 'Guardian Jobs', externalId: gid, url: `https://jobs.theguardian.com/job/${gid}/${slug}/` });
      } else {
        const iid = rng.uuid(dateMs(posted)).replace(/-/g, '').slice(-16);
        adverts.push({ id: rng.uuid(dateMs(posted)), ...base, board: 'Indeed', externalId: iid, url: `https://uk.indeed.com/viewjob?jk=${iid}` });
      }
    }
  }
  return { adverts, ids: { usedExternalIds: used } };
}
