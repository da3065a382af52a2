/**
 * 400 applications over the six months to asOf, their stage histories and the checks of
 * those who accepted. Hires are timed so that median time to hire is ~58 days last quarter
 * and ~44 this quarter; the journeys' situations (Priya's advert, Tom's queue, the candidate
 * who withdrew over salary) are scripted relative to asOf.
 *
 * One function per phase, run in a fixed order: each draws from the same streams in turn,
 * so changing the order (or drawing in a new place) changes every figure after it.
 */
import type { Application, Check, StageEvent } from '../shared/schema/index';
import { atsReference, atsUrl } from './candidates';
import { planChecks } from './checks';
import { addDays, addWorkingDays, at, instantMs, weekdayOf, workingDayOnOrBefore, workingDaysBetween } from './dates';
import { Intake, type ApplicationsInput } from './intake';
import { COORDINATORS, type TeamKey } from './people';
import { GENERIC_PATHS, type Draft } from './pipeline';
import { Rng } from './prng';
import { CIC_TEAM, scriptPriyasAdvert, scriptReturningCandidate, scriptTomsSeventh, type ScriptedFacts } from './scripted';


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
/** Offer acceptance: accepted / (accepted + declined), Amira's report. */
const OFFER_ACCEPTANCE = 0.72;
/** Spread around the median, symmetric so the median stays put. */
const JITTER = [0, -5, 6, -3, 3, -8, 9, -1, 1, -6, 5, -2, 2, 8, -4, 4, -7, 7];

export function generateApplications(input: ApplicationsInput): ApplicationsResult {
  const intake = new Intake(input, new Rng(input.seed, 'applications'));
  receiveGeneratedApplications(intake);
  const priya = scriptPriyasAdvert(intake);
  const seventh = scriptTomsSeventh(intake);
  const duplicate = scriptReturningCandidate(intake);
  hireAtEachQuarterPace(intake);
  declineOffers(intake);
  planTheRest(intake);
  closeEndedVacancies(intake);
  const checks = checkAndStartHires(intake, new Rng(input.seed, 'checks'));
  for (const d of intake.drafts) intake.pipeline.cut(d);
  const tomQueue = assignShortlistingQueues(intake);
  if (!tomQueue.includes(seventh.id)) throw new Error('demo: Tom’s queue lost its seventh application');
  const { applications, stageEvents, erasedApplicationId } = toRecords(intake, new Rng(input.seed, 'events'));
  return {
    applications,
    stageEvents,
    checks,
    facts: { priya, tomQueue, duplicate, erasedApplicationId },
    nextReferenceNumber: intake.drafts.length,
  };
}

/** Each vacancy's generated applications, spread over the weeks it received them. */
function receiveGeneratedApplications(intake: Intake): void {
  const { rng } = intake;
  for (const v of intake.input.vacancies) {
    const span = workingDaysBetween(v.receiveFrom, v.receiveTo);
    for (let i = 0; i < v.spec.apps; i++) {
      let received = addDays(v.receiveFrom, rng.int(0, Math.max(0, span * 7 / 5)));
      // Most applications arrive on weekdays; a few come in at the weekend.
      if (weekdayOf(received) % 6 === 0 && rng.chance(0.8)) received = workingDayOnOrBefore(received);
      if (received > v.receiveTo) received = v.receiveTo;
      if (received < v.receiveFrom) received = v.receiveFrom;
      intake.receive(v, received);
    }
  }
}

/** Each vacancy's hires, timed to its intake quarter's time to hire where a candidate fits. */
function hireAtEachQuarterPace(intake: Intake): void {
  const { pipeline, rng, input: { era } } = intake;
  const tierOf = (date: string) => (date >= era.quarterStart ? HIRE_TIERS.now : date >= era.previousQuarterStart ? HIRE_TIERS.previous : HIRE_TIERS.earlier);
  // Each quarter walks its own jitter sequence, so each quarter's median stays on its base.
  const jitterIndex = new Map<number, number>();
  const jitterFor = (base: number) => JITTER[(jitterIndex.get(base) ?? 0) % JITTER.length] ?? 0;
  for (const v of intake.input.vacancies) {
    const pool = rng.shuffle(intake.unplanned(v));
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
        hired.plan = 'hire';
        pool.splice(pool.indexOf(hired), 1);
        if (hiredBase > 0) jitterIndex.set(hiredBase, (jitterIndex.get(hiredBase) ?? 0) + 1);
      }
    }
  }
}

/**
 * Offers turned down: as many per quarter as keep acceptance near 72%, from the vacancies
 * whose spec has declines (so closing-date and rolling rounds both show some). Cohorts by
 * the quarter the applications arrived in, as reports count them.
 */
function declineOffers(intake: Intake): void {
  const { pipeline, drafts, input: { era } } = intake;
  const cohorts = [
    { from: era.quarterStart, to: era.cutoff },
    { from: era.previousQuarterStart, to: addDays(era.quarterStart, -1) },
  ];
  const inCohort = (d: Draft, q: { from: string; to: string }) => d.received >= q.from && d.received <= q.to;
  const declinePool = intake.rng.shuffle(drafts.filter((d) => d.plan === 'generic' && d.vacancy.spec.declines > 0));
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
}

/** The most recent candidates are still on their way to an offer; everyone else takes a generic path. */
function planTheRest(intake: Intake): void {
  const { pipeline, rng, input: { era } } = intake;
  for (const v of intake.input.vacancies) {
    const pool = intake.unplanned(v);
    const recent = [...pool].sort((a, b) => (a.received < b.received ? 1 : a.received > b.received ? -1 : 0));
    let inFlight = v.spec.inFlight;
    for (const d of recent) {
      if (inFlight === 0) break;
      if (pipeline.attempt(d, () => pipeline.forwardHire(d), (accepted) => accepted > era.cutoff)) {
        d.plan = 'in_flight';
        pool.splice(pool.indexOf(d), 1);
        inFlight--;
      }
    }
    for (const d of [...pool]) pipeline.generic(d, rng.weighted(GENERIC_PATHS));
  }
}

/** Applications still open when their vacancy was cancelled or filled hear so. */
function closeEndedVacancies(intake: Intake): void {
  const { pipeline, input: { asOf, rota } } = intake;
  for (const v of intake.input.vacancies) {
    const own = intake.drafts.filter((d) => d.vacancy === v && d.plan !== 'scripted');
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
}

/** Pre-employment checks of everyone who accepted before the cutoff, then their start dates. */
function checkAndStartHires(intake: Intake, checkRng: Rng): Check[] {
  const { pipeline, input: { era } } = intake;
  const checks: Check[] = [];
  for (const d of intake.drafts) {
    const accepted = d.steps.find((s) => s.stage === 'accepted');
    if (!accepted || accepted.date > era.cutoff) continue;
    const plan = planChecks(d.id, accepted.date, d.candidate.source === 'internal', era.cutoff, checkRng);
    checks.push(...plan.checks);
    pipeline.push(d, { stage: 'checks_complete', date: plan.completeDate, by: COORDINATORS[0].id, minute: 420 });
    pipeline.push(d, { stage: 'started', date: plan.startDate, by: COORDINATORS[1].id, minute: 30 });
  }
  return checks;
}

/** Whose queue an application waiting for a decision sits in: this week's shortlister. Returns Tom's queue. */
function assignShortlistingQueues(intake: Intake): string[] {
  const { pipeline, drafts, input: { asOf, era, rota } } = intake;
  const waiting = drafts.filter((d) => d.steps[d.steps.length - 1]?.stage === 'applied');
  for (const d of waiting) d.assignedTo = pipeline.readyOf(d) <= era.cutoff ? rota.managerFor(d.team, 'shortlisting', asOf) : null;
  return waiting.filter((d) => d.team === CIC_TEAM).map((d) => d.id);
}

/** The drafts as records in received order, one of them erased, and their stage events in time order. */
function toRecords(intake: Intake, eventRng: Rng): { applications: Application[]; stageEvents: StageEvent[]; erasedApplicationId: string } {
  const drafts = [...intake.drafts].sort((a, b) => (a.received < b.received ? -1 : a.received > b.received ? 1 : a.id < b.id ? -1 : 1));
  // A candidate who asked to be forgotten (Sam's journey): personal fields gone, history kept.
  const erased = drafts.find((d) => d.plan === 'generic' && d.steps[d.steps.length - 1]?.stage === 'withdrawn');
  const applications: Application[] = [];
  const stageEvents: StageEvent[] = [];
  drafts.forEach((d, i) => {
    const app = applicationOf(d, atsReference(i), intake.input.teamName);
    if (d === erased) Object.assign(app, { name: null, email: null, referrer: null, atsReference: null, atsUrl: null, erased: true });
    applications.push(app);
    stageEvents.push(...stageEventsOf(d, eventRng));
  });
  stageEvents.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  return { applications, stageEvents, erasedApplicationId: erased?.id ?? '' };
}

function applicationOf(d: Draft, ref: string, teamName: Record<TeamKey, string>): Application {
  const c = d.candidate;
  return {
    id: d.id,
    vacancyId: d.vacancy.record.id,
    name: c.name,
    email: c.email,
    source: c.source,
    referrer: c.referrer,
    experience: c.experience,
    yearsQualified: c.yearsQualified,
    teamPreference: d.vacancy.spec.teams.length > 1 && d.team ? teamName[d.team] : null,
    atsReference: ref,
    atsUrl: atsUrl(ref),
    receivedDate: d.received,
    assignedTo: d.assignedTo ?? null,
  };
}

/** One history in time order, same-day steps nudged apart by a few minutes. */
function stageEventsOf(d: Draft, eventRng: Rng): StageEvent[] {
  const events: StageEvent[] = [];
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
    events.push(event);
  }
  return events;
}
