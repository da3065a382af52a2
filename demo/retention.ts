/**
 * The retention side of the demo council (issue 16): who holds each permanently filled post, a
 * year and a half of leavers at about 16% turnover a year (the 2023 census figure for England
 * is 15.9%) with realistic reasons and destinations, their exit interviews, Stay conversations,
 * two internal transfers, golden hellos, retention payments and refer-a-friend rewards with
 * clawbacks still running, two ASYE cohorts of Hampshire's experiment (a new programme against
 * a control group) and thirteen weeks of caseloads per team around Dorset's limit of 15.
 * Consistent with the establishment: a post that is vacant or agency-covered now was freed by
 * a leaver; a post refilled since has a holder who started after its leaver left; each demo
 * application that started holds a post of its vacancy.
 */
import { londonDateOf } from '../shared/calendar';
import {
  DEFAULT_EXIT_THEMES,
  type Application,
  type CaseloadWeek,
  type Cohort,
  type ExitInterview,
  type Incentive,
  type Leaver,
  type LeaverDestination,
  type LeaverReason,
  type Post,
  type Staff,
  type StageEvent,
  type StayConversation,
  type Transfer,
  type Vacancy,
} from '../shared/schema/index';
import { addDays, addMonths, calendarDaysBetween, dateMs, mondayOf, workingDayOnOrAfter, workingDayOnOrBefore } from './dates';
import type { Establishment } from './establishment';
import { FIRST_NAMES, LAST_NAMES } from './names';
import { HR_BUSINESS_PARTNER, MANAGERS, PRINCIPAL_SOCIAL_WORKER, type TeamKey } from './people';
import { Rng } from './prng';

export interface RetentionRecords {
  cohorts: Cohort[];
  staff: Staff[];
  leavers: Leaver[];
  exit_interviews: ExitInterview[];
  stay_conversations: StayConversation[];
  transfers: Transfer[];
  incentives: Incentive[];
  caseload_weeks: CaseloadWeek[];
}

/** Ids the retention journeys start from (a leaver to record, a confidential Stay conversation). */
export interface RetentionJourney {
  /** A post of Tom's team (Children in Care) with its holder, for "a team manager records a leaver". */
  tomsHolder: { staffId: string; postId: string };
  /** A Stay conversation held by the principal social worker: its person is theirs and admins' to see. */
  confidentialStay: { id: string; heldBy: string; staffId: string };
}

export interface RetentionInput {
  asOf: string;
  seed: number;
  establishment: Establishment;
  vacancies: readonly Vacancy[];
  applications: readonly Application[];
  stageEvents: readonly StageEvent[];
}

/** Leavers a year, as a share of FTE in post: a little over the 16% aimed at, as refills and rounding pull the measure down. */
const ANNUAL_TURNOVER = 0.175;
/** Leavers are mostly part-time-free: the FTE of an average leaver, for estimating FTE in post at the census date. */
const AVERAGE_LEAVER_FTE = 0.97;
/** Holders who refilled posts during the census year were not in post on its last day either. */
const REFILL_ALLOWANCE = 0.94;
const CASELOAD_WEEKS = 13;

/** Where leavers go (census-like shares), and the reasons that go with each destination. */
const DESTINATIONS: ReadonlyArray<readonly [LeaverDestination, number]> = [
  ['another_council', 34],
  ['agency', 30],
  ['left_profession', 14],
  ['retirement', 9],
  ['other', 13],
];
const REASONS: Record<LeaverDestination, ReadonlyArray<readonly [LeaverReason, number]>> = {
  another_council: [['progression', 4], ['travel', 3], ['management_support', 3], ['workload', 3], ['pay', 1]],
  agency: [['pay', 5], ['workload', 4], ['flexible_working', 2]],
  left_profession: [['wellbeing', 4], ['workload', 4], ['personal_circumstances', 1]],
  retirement: [['retirement', 1]],
  other: [['personal_circumstances', 4], ['flexible_working', 2], ['end_of_contract', 1], ['dismissal', 1]],
};
/** Exit interview themes (settings.exitThemes defaults) most often raised for each reason. */
const THEMES_FOR: Record<LeaverReason, readonly string[]> = {
  workload: ['caseload', 'wellbeing', 'management support'],
  management_support: ['management support', 'caseload'],
  pay: ['pay', 'agency rates'],
  progression: ['progression', 'pay'],
  travel: ['travel', 'flexible working'],
  flexible_working: ['flexible working', 'travel'],
  wellbeing: ['wellbeing', 'caseload'],
  personal_circumstances: ['flexible working'],
  retirement: ['flexible working'],
  end_of_contract: ['progression'],
  dismissal: ['management support'],
  other: ['wellbeing'],
};
const HELD_WITH = ['A team manager from another team', 'The principal social worker', 'An HR business partner', 'A senior practitioner they chose', 'Their former practice educator'];
const EXIT_NOTES = [
  'Would consider coming back if caseloads came down.',
  'Felt supported by the team but not by the service.',
  'The agency offer was about £12 an hour more.',
  'Moving nearer family; would recommend the team.',
  'Wanted a route to senior practitioner that did not exist here.',
];
const STAY_NOTES = [
  'Talked through a move to a team with a lower caseload.',
  'Agreed a compressed week for six months.',
  'Considering an agency offer; asked about the retention payment.',
  'Wants to progress; discussed the advanced practitioner route.',
];
/** Cases held per FTE by team, around Dorset's limit of 15 (England's 2023 average: 16.0). */
const TEAM_CASELOAD: Record<TeamKey, number> = {
  front_door: 13.5,
  assessment: 17.5,
  cp_east: 18.2,
  cp_west: 16.1,
  children_in_care: 15.4,
  disabilities: 12.3,
  leaving_care: 19.0,
  fostering: 11.2,
};
/** Teams the council pays a retention payment in (hard to retain, as Nottinghamshire's fieldwork teams). */
const RETENTION_PAYMENT_TEAMS: readonly TeamKey[] = ['assessment', 'cp_east', 'cp_west', 'front_door'];
const CASE_HOLDING_EXCLUDED = new Set(['team_manager', 'assistant_team_manager']);

export function generateRetention(input: RetentionInput): { records: RetentionRecords; journey: RetentionJourney } {
  const { asOf, establishment } = input;
  const rng = new Rng(input.seed, 'retention');
  const cutoff = addDays(asOf, -1);
  const keyOfTeam = new Map(Object.entries(establishment.teamId).map(([k, id]) => [id, k as TeamKey]));
  const name = () => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  const made = (date: string) => rng.uuid(dateMs(date));

  // ---- cohorts: the September intake at least a year back, on a new programme and the standard one
  const cohortStart = latestSeptemberBefore(addMonths(asOf, -13));
  const cohortFirstDay = workingDayOnOrAfter(`${cohortStart}-01`);
  const academy: Cohort = { id: made(addMonths(cohortFirstDay, -2)), name: `ASYE academy ${cohortStart}`, startMonth: cohortStart, programme: 'Academy: protected caseload, peer group and a practice educator', isControl: false };
  const control: Cohort = { id: made(addMonths(cohortFirstDay, -2)), name: `Standard ASYE ${cohortStart}`, startMonth: cohortStart, programme: 'Standard ASYE', isControl: true };

  // ---- holders of the permanently covered posts: first the demo's own starters
  const staff: Staff[] = [];
  const permanent = input.establishment.posts.filter((p) => p.cover === 'permanent');
  const free = new Set(permanent.map((p) => p.id));
  const vacancyById = new Map(input.vacancies.map((v) => [v.id, v]));
  const appById = new Map(input.applications.map((a) => [a.id, a]));
  const starts = input.stageEvents.filter((e) => e.stage === 'started').sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const e of starts) {
    const app = appById.get(e.applicationId);
    const vacancy = app && vacancyById.get(app.vacancyId);
    if (!app?.name || !vacancy) continue;
    const post = permanent.find((p) => free.has(p.id) && p.role === vacancy.role && (vacancy.teamIds.length === 0 || vacancy.teamIds.includes(p.teamId)));
    if (!post) continue;
    const startDate = londonDateOf(e.at);
    const nqsw = app.experience === 'nqsw';
    hold(post, { id: made(startDate), postId: post.id, name: app.name, role: post.role, fte: post.fte, startDate, applicationId: app.id, fromAgency: app.source === 'agency', ...(nqsw ? { asyeStatus: 'in_progress', ecf: startDate >= '2026-09-01' ? 'ecf' : 'asye' } : {}) });
  }
  // Then the two cohorts' members still in post: completed, on social worker posts; extended, on ASYE posts.
  const shuffled = rng.shuffle(permanent);
  const cohortPosts = (role: Post['role'], n: number) => shuffled.filter((p) => free.has(p.id) && p.role === role).slice(0, n);
  for (const [cohort, completed, extended] of [[academy, 6, 1], [control, 4, 1]] as const) {
    for (const post of cohortPosts('social_worker', completed)) hold(post, cohortMember(post, cohort, 'completed'));
    for (const post of cohortPosts('nqsw', extended)) hold(post, cohortMember(post, cohort, 'extended'));
  }
  // Everyone else: a tenure of a few months to twenty years, shorter tenures more common.
  for (const post of permanent) {
    if (!free.has(post.id)) continue;
    const years = rng.weighted([[0, 2], [1, 3], [2, 3], [4, 3], [7, 2], [12, 1]] as const) + rng.float();
    const startDate = workingDayOnOrAfter(addDays(cutoff, -Math.round(years * 365) - 30));
    hold(post, { id: made(startDate), postId: post.id, name: name(), role: post.role, fte: post.fte, startDate, ...(post.role === 'nqsw' ? { asyeStatus: 'in_progress' as const, ecf: 'asye' as const } : {}) });
  }

  // ---- leavers: ~16% of FTE a year, in the census year to the last 30 September and since, so the
  // census measure and the rolling year both read about 16%. The latest left the posts free now.
  const census = lastCensusDay(cutoff);
  const fteOf = (list: readonly Staff[]) => list.reduce((sum, s) => sum + s.fte, 0);
  const since = calendarDaysBetween(census, cutoff);
  const countSince = Math.round((ANNUAL_TURNOVER * fteOf(staff) * since) / 365);
  // In post on 30 September: today's holders less those who started since, plus those who left since (a share of refills aside).
  const fteAtCensus = fteOf(staff) - fteOf(staff.filter((s) => s.startDate > census)) + countSince * AVERAGE_LEAVER_FTE;
  const countCensusYear = Math.round(ANNUAL_TURNOVER * fteAtCensus * REFILL_ALLOWANCE);
  const spread = (count: number, from: string, days: number) => Array.from({ length: count }, (_, i) => workingDayOnOrBefore(addDays(from, -Math.round(((i + rng.float()) * days) / count))));
  const leavingDates = [...spread(countSince, cutoff, since), ...spread(countCensusYear, census, 365)];
  const freedNow = rng.shuffle(input.establishment.posts.filter((p) => p.cover === 'vacant' || p.cover === 'agency'));
  // Older leavers' posts were refilled: their holders (not the demo's starters or cohorts) started after.
  const refillable = rng.shuffle(staff.filter((s) => !s.applicationId && !s.cohortId));
  const postById = new Map(input.establishment.posts.map((p) => [p.id, p]));
  const leavers: Leaver[] = [];
  const leaverStaff: Staff[] = [];
  const cohortLeavers = { [academy.id]: 1, [control.id]: 3 };
  for (const leavingDate of leavingDates) {
    // Most freed posts are still vacant or agency-covered; some older ones were refilled since.
    const refilled = leavingDate <= census && rng.chance(0.4);
    const post = refilled ? (refill(leavingDate) ?? freedNow.shift()) : (freedNow.shift() ?? refill(leavingDate));
    if (!post) break;
    const destination = rng.weighted(DESTINATIONS);
    const reason = rng.weighted(REASONS[destination]);
    const cohortId = post.role === 'nqsw' || post.role === 'social_worker' ? Object.keys(cohortLeavers).find((c) => cohortLeavers[c]! > 0 && leavingDate > addMonths(cohortFirstDay, 3)) : undefined;
    let person: Staff;
    if (cohortId) {
      cohortLeavers[cohortId]!--;
      person = { ...cohortMember(post, cohortId === academy.id ? academy : control, leavingDate > addMonths(cohortFirstDay, 12) ? 'completed' : 'not_completed'), startDate: cohortFirstDay };
    } else {
      const tenureDays = destination === 'retirement' ? rng.int(12 * 365, 25 * 365) : rng.int(150, 8 * 365);
      const startDate = workingDayOnOrAfter(addDays(leavingDate, -tenureDays));
      person = { id: made(startDate), postId: post.id, name: name(), role: post.role, fte: post.fte, startDate };
    }
    leaverStaff.push(person);
    leavers.push({ id: made(leavingDate), staffId: person.id, postId: post.id, leavingDate, reason, destination, fte: person.fte });
  }

  // ---- exit interviews: offered to every leaver; most held, some declined, the latest pending
  const exitInterviews = leavers.map((l): ExitInterview => {
    const offeredOn = workingDayOnOrBefore(addDays(l.leavingDate, -rng.int(5, 20)));
    const recent = l.leavingDate > addDays(asOf, -21);
    const outcome = recent && rng.chance(0.6) ? 'pending' : rng.chance(0.72) ? 'held' : 'declined';
    const base = { id: made(offeredOn), leaverId: l.id, offeredOn, outcome } as const;
    if (outcome !== 'held') return { ...base, themes: [] };
    const heldOn = workingDayOnOrBefore(addDays(offeredOn, rng.int(2, 12)) < cutoff ? addDays(offeredOn, rng.int(2, 12)) : cutoff);
    const themes = pickThemes(THEMES_FOR[l.reason]);
    return { ...base, heldOn, heldWith: rng.pick(HELD_WITH), themes, notes: rng.chance(0.7) ? rng.pick(EXIT_NOTES) : null };
  });

  // ---- two internal transfers: one moved months ago, one waiting for a decision
  const movers = rng.shuffle(staff.filter((s) => !s.applicationId && !s.cohortId && s.startDate < addMonths(asOf, -12) && !CASE_HOLDING_EXCLUDED.has(s.role)));
  const transfers: Transfer[] = [];
  const moved = movers[0]!;
  const movedTeam = postById.get(moved.postId)!.teamId;
  const fromTeam = otherTeam(movedTeam);
  const requestedOn = workingDayOnOrBefore(addMonths(asOf, -5));
  const decidedOn = workingDayOnOrAfter(addDays(requestedOn, 12));
  transfers.push({ id: made(requestedOn), staffId: moved.id, fromTeamId: fromTeam, toTeamId: movedTeam, toPostId: moved.postId, requestedOn, decidedOn, decision: 'approved', movedOn: workingDayOnOrAfter(addDays(decidedOn, 28)) });
  const waiting = movers.find((s) => postById.get(s.postId)!.teamId !== movedTeam)!;
  const waitingTeam = postById.get(waiting.postId)!.teamId;
  const askedOn = workingDayOnOrBefore(addDays(asOf, -9));
  transfers.push({ id: made(askedOn), staffId: waiting.id, fromTeamId: waitingTeam, toTeamId: otherTeam(waitingTeam), requestedOn: askedOn, decision: 'pending' });

  // ---- Stay conversations: some left anyway, one transferred, most stayed, the latest still open
  const stays: StayConversation[] = [];
  const stay = (person: Staff, heldOn: string, outcome: StayConversation['outcome'], themes: string[]) => {
    const holder = rng.chance(0.6) ? PRINCIPAL_SOCIAL_WORKER : HR_BUSINESS_PARTNER;
    const record: StayConversation = {
      id: made(heldOn),
      staffId: person.id,
      heldBy: holder.id,
      holderRole: holder === PRINCIPAL_SOCIAL_WORKER ? 'principal_social_worker' : 'hr_business_partner',
      heldOn,
      outcome,
      themes,
      notes: rng.pick(STAY_NOTES),
    };
    stays.push(record);
    return record;
  };
  for (const l of leavers.filter((x) => x.destination === 'agency' || x.destination === 'another_council').slice(0, 3)) {
    stay(leaverStaff.find((s) => s.id === l.staffId)!, workingDayOnOrBefore(addDays(l.leavingDate, -rng.int(30, 50))), 'left', pickThemes(THEMES_FOR[l.reason]));
  }
  stay(moved, workingDayOnOrBefore(addDays(requestedOn, -14)), 'transferred', ['caseload', 'travel']);
  const stayers = rng.shuffle(staff.filter((s) => s !== moved && s !== waiting && !s.applicationId && s.startDate < addMonths(asOf, -14))).slice(0, 5);
  const confidential = stay(stayers[0]!, workingDayOnOrBefore(addDays(asOf, -4)), 'open', ['caseload', 'wellbeing']);
  for (const [i, s] of stayers.slice(1).entries()) stay(s, workingDayOnOrBefore(addMonths(asOf, -2 - 2 * i)), 'stayed', pickThemes(rng.pick(Object.values(THEMES_FOR))));

  // ---- incentives with clawbacks running
  const incentives: Incentive[] = [];
  const teamOfStaff = (s: Staff) => keyOfTeam.get(postById.get(s.postId)!.teamId)!;
  for (const s of staff.filter((x) => x.applicationId && x.role !== 'nqsw')) {
    // A golden hello for experienced hires: half on starting, half after six months, repaid in full within a year of each.
    const paidOn = [s.startDate, addMonths(s.startDate, 6)].filter((d) => d <= cutoff);
    incentives.push({ id: made(s.startDate), staffId: s.id, kind: 'golden_hello', amount: 1000, paidOn, clawbackMonths: 12, clawbackBasis: 'full' });
  }
  const aprils = [addMonths(`${asOf.slice(0, 4)}-04-01`, -12), `${asOf.slice(0, 4)}-04-01`].filter((d) => d <= cutoff);
  for (const s of staff.filter((x) => RETENTION_PAYMENT_TEAMS.includes(teamOfStaff(x)) && (x.role === 'social_worker' || x.role === 'senior_social_worker'))) {
    const paidOn = aprils.filter((d) => d >= addMonths(s.startDate, 12));
    if (paidOn.length) incentives.push({ id: made(paidOn[0]!), staffId: s.id, kind: 'retention_payment', amount: 1500, paidOn, clawbackMonths: 12, clawbackBasis: 'pro_rata' });
  }
  const referrers = staff.filter((s) => !s.applicationId && s.startDate < addMonths(asOf, -24));
  for (const s of staff.filter((x) => x.applicationId && appById.get(x.applicationId)?.source === 'referral')) {
    const dueOn = addMonths(s.startDate, 6);
    incentives.push({ id: made(s.startDate), staffId: rng.pick(referrers).id, kind: 'refer_a_friend', amount: 500, paidOn: dueOn <= addDays(cutoff, -14) ? [addDays(dueOn, 14)] : [], clawbackMonths: 0, clawbackBasis: 'full', referredApplicationId: s.applicationId! });
  }

  // ---- caseloads: thirteen weeks per team, confirmed by its manager (last week not yet by one team)
  const weeks = Array.from({ length: CASELOAD_WEEKS }, (_, i) => addDays(mondayOf(asOf), -7 * (CASELOAD_WEEKS - i)));
  const caseloadWeeks: CaseloadWeek[] = [];
  const lateTeam = rng.pick(Object.keys(TEAM_CASELOAD) as TeamKey[]);
  for (const [key, teamId] of Object.entries(establishment.teamId) as [TeamKey, string][]) {
    const holding = input.establishment.posts.filter((p) => p.teamId === teamId && p.cover !== 'vacant' && !CASE_HOLDING_EXCLUDED.has(p.role));
    // ASYE social workers hold a protected (smaller) caseload: 0.8 of an FTE's cases.
    const fte = Math.round(holding.reduce((sum, p) => sum + p.fte * (p.role === 'nqsw' ? 0.8 : 1), 0) * 10) / 10;
    for (const [i, weekStart] of weeks.entries()) {
      const drift = 1 + 0.04 * Math.sin((i + rng.float()) / 2) + 0.02 * (rng.float() - 0.5);
      const confirmedBy = key === lateTeam && i === weeks.length - 1 ? null : MANAGERS[key].id;
      caseloadWeeks.push({ id: made(addDays(weekStart, 4)), teamId, weekStart, casesHeld: Math.round(fte * TEAM_CASELOAD[key] * drift), fteHoldingCases: fte, confirmedBy });
    }
  }

  const tomsTeam = establishment.teamId.children_in_care;
  const tomsHolder = staff.find((s) => postById.get(s.postId)!.teamId === tomsTeam && s.role === 'social_worker' && s !== moved && s !== waiting && !stayers.includes(s))!;
  return {
    records: {
      cohorts: [academy, control],
      staff: [...staff, ...leaverStaff].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0)),
      leavers,
      exit_interviews: exitInterviews,
      stay_conversations: stays,
      transfers,
      incentives,
      caseload_weeks: caseloadWeeks,
    },
    journey: {
      tomsHolder: { staffId: tomsHolder.id, postId: tomsHolder.postId },
      confidentialStay: { id: confidential.id, heldBy: confidential.heldBy, staffId: confidential.staffId },
    },
  };

  function hold(post: Post, person: Staff) {
    free.delete(post.id);
    staff.push(person);
  }

  function cohortMember(post: Post, cohort: Cohort, status: NonNullable<Staff['asyeStatus']>): Staff {
    const startDate = cohortFirstDay;
    return {
      id: made(startDate),
      postId: post.id,
      name: name(),
      role: post.role,
      fte: post.fte,
      startDate,
      asyeStatus: status,
      ecf: 'asye',
      ...(status === 'completed' ? { asyeCompletedOn: workingDayOnOrAfter(addMonths(startDate, 12)) } : {}),
      cohortId: cohort.id,
    };
  }

  /** A permanent post whose holder took over after a leaver: the holder's start moves to after the leaving date. */
  function refill(leavingDate: string): Post | null {
    if (addMonths(leavingDate, 2) >= cutoff) return null;
    const holder = refillable.shift();
    if (!holder) return null;
    holder.startDate = workingDayOnOrAfter(addDays(leavingDate, rng.int(35, 55)));
    return postById.get(holder.postId) ?? null;
  }

  function otherTeam(teamId: string): string {
    const others = Object.values(establishment.teamId).filter((t) => t !== teamId);
    return rng.pick(others);
  }

  function pickThemes(likely: readonly string[]): string[] {
    const themes = new Set(likely.slice(0, rng.int(1, Math.min(2, likely.length))));
    if (rng.chance(0.3)) themes.add(rng.pick(DEFAULT_EXIT_THEMES));
    return [...themes];
  }
}

/** The last 30 September strictly before `date` (the census counts the year to 30 September). */
function lastCensusDay(date: string): string {
  const year = Number(date.slice(0, 4));
  return date.slice(5) > '09-30' ? `${year}-09-30` : `${year - 1}-09-30`;
}

/** `YYYY-09` of the latest September that starts on or before `date`. */
function latestSeptemberBefore(date: string): string {
  const year = Number(date.slice(0, 4));
  return `${date.slice(5, 7) >= '09' ? year : year - 1}-09`;
}
