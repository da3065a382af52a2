/**
 * 400 applications over the six months to asOf, their stage histories and the checks of
 * those who accepted. Hires are timed so that median time to hire is ~58 days last quarter
 * and ~44 this quarter; the journeys' situations (Priya's advert, Tom's queue, the candidate
 * who withdrew over salary) are scripted relative to asOf.
 */
import type { Application, Check, StageEvent } from '../shared/schema/index';
import { atsReference, atsUrl, makeCandidate, NamePool, type Candidate } from './candidates';
import { planChecks } from './checks';
import { addDays, addWorkingDays, at, dateMs, instantMs, subtractWorkingDays, weekdayOf, workingDayOnOrBefore, workingDaysBetween } from './dates';
import { COORDINATORS, PRIYA, type TeamKey } from './people';
import { GENERIC_PATHS, Pipeline, type Draft, type Era } from './pipeline';
import { Rng } from './prng';
import type { Rota } from './rota';
import type { DemoVacancy, VacancyKey } from './vacancies';

export interface ApplicationsInput {
  asOf: string;
  era: Era;
  vacancies: readonly DemoVacancy[];
  teamName: Record<TeamKey, string>;
  rota: Rota;
  seed: number;
}

export interface ScriptedFacts {
  priya: { awaiting: string[]; overdue: string[]; shortlisted: string[]; offered: string[]; exited: string[] };
  tomQueue: string[];
  duplicate: { applicationId: string; name: string; email: string };
  erasedApplicationId: string;
}

export interface ApplicationsResult {
  applications: Application[];
  stageEvents: StageEvent[];
  checks: Check[];
  facts: ScriptedFacts;
  /** The ATS reference the next new candidate would get (CSV rows and demo pages use it). */
  nextReferenceNumber: number;
}

/** Time to hire (calendar days) by the quarter the offer was accepted in: a day above the medians
 * wanted (58, 44), because acceptances are moved back off weekends. */
const HIRE_TIERS = { now: 45, previous: 59, earlier: 62 };
/** Spread around the median, symmetric so the median stays put. */
/** Offer acceptance: accepted / (accepted + declined), Amira's report. */
const OFFER_ACCEPTANCE = 0.72;
const JITTER = [0, -5, 6, -3, 3, -8, 9, -1, 1, -6, 5, -2, 2, 8, -4, 4, -7, 7];

export function generateApplications(input: ApplicationsInput): ApplicationsResult {
  const { asOf, era, vacancies, rota, seed } = input;
  const rng = new Rng(seed, 'applications');
  const pipeline = new Pipeline(era, rota, new Rng(seed, 'pipeline'));
  const names = new NamePool(new Rng(seed, 'names'));
  const checkRng = new Rng(seed, 'checks');
  const byKey = new Map(vacancies.map((v) => [v.spec.key, v] as const));
  const vacancy = (key: VacancyKey): DemoVacancy => {
    const found = byKey.get(key);
    if (!found) throw new Error(`no vacancy ${key}`);
    return found;
  };
  const drafts: Draft[] = [];
  let n = 0;

  const newDraft = (v: DemoVacancy, received: string, candidate?: Candidate, team?: TeamKey | null): Draft => {
    const teams = v.spec.teams;
    const d: Draft = {
      id: rng.uuid(dateMs(received)),
      vacancy: v,
      team: team !== undefined ? team : teams.length > 1 ? rng.pick(teams) : (teams[0] ?? null),
      received,
      candidate: candidate ?? makeCandidate(v.spec.role, names, n, rng),
      steps: [],
      plan: 'generic',
    };
    n++;
    pipeline.applied(d);
    drafts.push(d);
    return d;
  };

  // ---------------------------------------------------------------- generated applications
  for (const v of vacancies) {
    const span = workingDaysBetween(v.receiveFrom, v.receiveTo);
    for (let i = 0; i < v.spec.apps; i++) {
      let received = addDays(v.receiveFrom, rng.int(0, Math.max(0, span * 7 / 5)));
      // Most applications arrive on weekdays; a few come in at the weekend.
      if (weekdayOf(received) % 6 === 0 && rng.chance(0.8)) received = workingDayOnOrBefore(received);
      if (received > v.receiveTo) received = v.receiveTo;
      if (received < v.receiveFrom) received = v.receiveFrom;
      newDraft(v, received);
    }
  }

  // ---------------------------------------------------------------- scripted: journeys
  const w = (days: number) => subtractWorkingDays(asOf, days);
  const cic = vacancy('cic_sw');
  const cicTeam: TeamKey = 'children_in_care';
  const shortlister = (date: string) => rota.managerFor(cicTeam, 'shortlisting', date);
  const scripted = (v: DemoVacancy, received: string) => {
    const d = newDraft(v, received, undefined, v.spec.teams[0] ?? null);
    d.plan = 'scripted';
    return d;
  };
  const facts: ScriptedFacts = {
    priya: { awaiting: [], overdue: [], shortlisted: [], offered: [], exited: [] },
    tomQueue: [],
    duplicate: { applicationId: '', name: '', email: '' },
    erasedApplicationId: '',
  };
  // Six awaiting a decision: two received six working days ago (target 5: overdue by 1), four due in 2.
  for (const days of [6, 6, 3, 3, 3, 3]) {
    const d = scripted(cic, w(days));
    facts.priya.awaiting.push(d.id);
    if (days === 6) facts.priya.overdue.push(d.id);
  }
  // Three shortlisted this week or last: interviews due (5 working days) by Thursday.
  for (const [received, decided] of [[7, 2], [6, 2], [7, 3]] as const) {
    const d = scripted(cic, w(received));
    pipeline.push(d, { stage: 'shortlisted', date: w(decided), by: shortlister(w(decided)) });
    d.assignedTo = shortlister(w(decided));
    facts.priya.shortlisted.push(d.id);
  }
  // One offer out, after an interview three weeks ago.
  {
    const d = scripted(cic, w(22));
    pipeline.push(d, { stage: 'shortlisted', date: w(18), by: shortlister(w(18)) });
    d.assignedTo = shortlister(w(18));
    pipeline.interview(d, w(18), 4);
    pipeline.offer(d, w(14), 10);
    facts.priya.offered.push(d.id);
  }
  // Four who left: two screened out, one unsuccessful at interview, one took another job.
  for (const [received, decided, reason] of [[20, 17, 'insufficient_experience'], [12, 9, 'no_swe_registration']] as const) {
    const d = scripted(cic, w(received));
    pipeline.push(d, { stage: 'rejected', date: w(decided), by: shortlister(w(decided)), reason });
    d.assignedTo = shortlister(w(decided));
    facts.priya.exited.push(d.id);
  }
  {
    const d = scripted(cic, w(22));
    pipeline.push(d, { stage: 'shortlisted', date: w(18), by: shortlister(w(18)) });
    d.assignedTo = shortlister(w(18));
    pipeline.interview(d, w(18), 4);
    pipeline.exit(d, 'rejected', w(12), 'unsuccessful_interview');
    facts.priya.exited.push(d.id);
  }
  {
    const d = scripted(cic, w(16));
    pipeline.push(d, { stage: 'shortlisted', date: w(13), by: shortlister(w(13)) });
    d.assignedTo = shortlister(w(13));
    pipeline.exit(d, 'withdrawn', w(10), 'took_another_job', PRIYA.id);
    facts.priya.exited.push(d.id);
  }
  // Tom's seventh: the senior post in his team, due in 2 working days.
  const seventh = scripted(vacancy('cic_ssw'), w(3));
  // Journey 3: a candidate who applied before and withdrew over salary; she applies again.
  const dup = scripted(vacancy('cp_campaign'), w(15));
  {
    const decided = pipeline.screen(dup, 'shortlisted', true, 3);
    const interviewed = pipeline.interview(dup, decided, 3);
    pipeline.exit(dup, 'withdrawn', addWorkingDays(interviewed, 2), 'salary', PRIYA.id, 'Withdrew after interview: salary expectations above the grade');
    facts.duplicate = { applicationId: dup.id, name: dup.candidate.name, email: dup.candidate.email };
  }

  // ---------------------------------------------------------------- hires, declines, in flight
  const tierOf = (date: string) => (date >= era.quarterStart ? HIRE_TIERS.now : date >= era.previousQuarterStart ? HIRE_TIERS.previous : HIRE_TIERS.earlier);
  // Each quarter walks its own jitter sequence, so each quarter's median stays on its base.
  const jitterIndex = new Map<number, number>();
  const jitterFor = (base: number) => JITTER[(jitterIndex.get(base) ?? 0) % JITTER.length] ?? 0;
  for (const v of vacancies) {
    const pool = rng.shuffle(drafts.filter((d) => d.vacancy === v && d.plan === 'generic'));
    const take = (d: Draft, plan: Draft['plan']) => {
      d.plan = plan;
      pool.splice(pool.indexOf(d), 1);
    };
    for (let h = 0; h < v.spec.hires; h++) {
      let hired: Draft | undefined;
      let hiredBase = -1;
      for (const d of pool) {
        const ready = pipeline.readyOf(d);
        // Time to hire follows the quarter the application arrived in (reports group by intake).
        const base = tierOf(d.received);
        const target = workingDayOnOrBefore(addDays(d.received, base + jitterFor(base)));
        if (target > era.cutoff || target <= ready) continue;
        if (pipeline.fittedHire(d, target)) {
          hired = d;
          hiredBase = base;
          break;
        }
      }
      if (!hired) {
        // No candidate fits the quarter's pattern: hire at the usual pace instead.
        hired = pool.find((d) => pipeline.attempt(d, () => pipeline.forwardHire(d), (accepted) => accepted <= era.cutoff));
      }
      if (hired) {
        take(hired, 'hire');
        if (hiredBase > 0) jitterIndex.set(hiredBase, (jitterIndex.get(hiredBase) ?? 0) + 1);
      }
    }
  }

  // Offers turned down: as many per quarter as keep acceptance near 72%, from the vacancies
  // whose spec has declines (so closing-date and rolling rounds both show some).
  // Cohorts by the quarter the applications arrived in, as reports count them.
  const cohorts = [
    { from: era.quarterStart, to: era.cutoff },
    { from: era.previousQuarterStart, to: addDays(era.quarterStart, -1) },
  ];
  const inCohort = (d: Draft, q: { from: string; to: string }) => d.received >= q.from && d.received <= q.to;
  const declinePool = rng.shuffle(drafts.filter((d) => d.plan === 'generic' && d.vacancy.spec.declines > 0));
  for (const q of cohorts) {
    const hires = drafts.filter((d) => inCohort(d, q) && d.steps.some((s) => s.stage === 'accepted' && s.date <= era.cutoff)).length;
    let wanted = Math.round((hires * (1 - OFFER_ACCEPTANCE)) / OFFER_ACCEPTANCE);
    for (const d of declinePool) {
      if (wanted === 0) break;
      if (d.plan !== 'generic' || !inCohort(d, q)) continue;
      if (pipeline.attempt(d, () => pipeline.decline(d), (date) => date <= era.cutoff)) {
        d.plan = 'decline';
        wanted--;
      }
    }
  }

  for (const v of vacancies) {
    const pool = drafts.filter((d) => d.vacancy === v && d.plan === 'generic');
    const take = (d: Draft, plan: Draft['plan']) => {
      d.plan = plan;
      pool.splice(pool.indexOf(d), 1);
    };
    // The most recent candidates are the ones still on their way to an offer.
    const recent = [...pool].sort((a, b) => (a.received < b.received ? 1 : a.received > b.received ? -1 : 0));
    let inFlight = v.spec.inFlight;
    for (const d of recent) {
      if (inFlight === 0) break;
      if (pipeline.attempt(d, () => pipeline.forwardHire(d), (accepted) => accepted > era.cutoff)) {
        take(d, 'in_flight');
        inFlight--;
      }
    }
    for (const d of [...pool]) pipeline.generic(d, rng.weighted(GENERIC_PATHS));
  }

  // ---------------------------------------------------------------- cancelled and filled vacancies
  for (const v of vacancies) {
    const own = drafts.filter((d) => d.vacancy === v && d.plan !== 'scripted');
    const manager = (d: Draft) => rota.managerFor(d.team, 'shortlisting', v.record.closingDate ?? asOf);
    if (v.spec.status === 'cancelled') {
      const date = addWorkingDays(v.record.closingDate ?? v.receiveTo, 5);
      for (const d of own) pipeline.closeOut(d, date, 'other', 'Vacancy cancelled: post deleted in the service restructure', manager(d));
    } else if (v.spec.status === 'filled') {
      const accepted = own.flatMap((d) => d.steps.filter((s) => s.stage === 'accepted').map((s) => s.date)).sort();
      const filled = accepted[accepted.length - 1];
      if (!filled) continue;
      for (const d of own) if (d.plan === 'generic') pipeline.closeOut(d, addWorkingDays(filled, 2), 'post_filled', 'Posts filled', manager(d));
    }
  }

  // ---------------------------------------------------------------- checks, start dates, cut at asOf
  const checks: Check[] = [];
  for (const d of drafts) {
    const accepted = d.steps.find((s) => s.stage === 'accepted');
    if (!accepted || accepted.date > era.cutoff) continue;
    const plan = planChecks(d.id, accepted.date, d.candidate.source === 'internal', era.cutoff, checkRng);
    checks.push(...plan.checks);
    pipeline.push(d, { stage: 'checks_complete', date: plan.completeDate, by: COORDINATORS[0].id, minute: 420 });
    pipeline.push(d, { stage: 'started', date: plan.startDate, by: COORDINATORS[1].id, minute: 30 });
  }
  for (const d of drafts) pipeline.cut(d);

  // Whose queue an application waiting for a decision sits in: this week's shortlister.
  for (const d of drafts) {
    const last = d.steps[d.steps.length - 1];
    if (last?.stage === 'applied') {
      d.assignedTo = pipeline.readyOf(d) <= era.cutoff ? rota.managerFor(d.team, 'shortlisting', asOf) : null;
    }
  }
  facts.tomQueue = drafts
    .filter((d) => d.team === cicTeam && d.steps[d.steps.length - 1]?.stage === 'applied')
    .map((d) => d.id);
  if (!facts.tomQueue.includes(seventh.id)) throw new Error('demo: Tom’s queue lost its seventh application');

  // ---------------------------------------------------------------- records
  drafts.sort((a, b) => (a.received < b.received ? -1 : a.received > b.received ? 1 : a.id < b.id ? -1 : 1));
  // A candidate who asked to be forgotten (Sam's journey): personal fields gone, history kept.
  const erased = drafts.find((d) => d.plan === 'generic' && d.steps[d.steps.length - 1]?.stage === 'withdrawn');
  facts.erasedApplicationId = erased?.id ?? '';

  const applications: Application[] = [];
  const stageEvents: StageEvent[] = [];
  const eventRng = new Rng(seed, 'events');
  drafts.forEach((d, i) => {
    const ref = atsReference(i);
    const c = d.candidate;
    const app: Application = {
      id: d.id,
      vacancyId: d.vacancy.record.id,
      name: c.name,
      email: c.email,
      source: c.source,
      referrer: c.referrer,
      experience: c.experience,
      yearsQualified: c.yearsQualified,
      teamPreference: d.vacancy.spec.teams.length > 1 && d.team ? input.teamName[d.team] : null,
      atsReference: ref,
      atsUrl: atsUrl(ref),
      receivedDate: d.received,
      assignedTo: d.assignedTo ?? null,
    };
    if (d === erased) Object.assign(app, { name: null, email: null, referrer: null, atsReference: null, atsUrl: null, erased: true });
    applications.push(app);

    // Keep each history in time order, nudging same-day steps apart by a few minutes.
    let prev = -1;
    let prevDate = '';
    for (const s of d.steps) {
      let minute = s.minute;
      if (s.date === prevDate && minute <= prev) minute = prev + 5;
      prev = minute;
      prevDate = s.date;
      const atIso = at(s.date, minute);
      const event: StageEvent = { id: eventRng.uuid(instantMs(atIso)), applicationId: d.id, stage: s.stage, at: atIso, by: s.by };
      if (s.reason) event.reason = s.reason;
      if (s.interviewAt) event.interviewAt = s.interviewAt;
      if (s.note) event.note = s.note;
      stageEvents.push(event);
    }
  });
  stageEvents.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  return { applications, stageEvents, checks, facts, nextReferenceNumber: drafts.length };
}
