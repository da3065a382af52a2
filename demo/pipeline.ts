/**
 * Walks an application through the stage machine one step at a time, on working days, and
 * records who did what. Rates that reports show (shortlisting and interviews on time) come
 * from low-discrepancy quotas, so a quarter shows them within a point or two.
 */
import type { ExitReason, Stage } from '../shared/schema/index';
import { addWorkingDays, at, maxDate, workingDaysBetween } from './dates';
import type { Candidate } from './candidates';
import { COORDINATORS, PRIYA } from './people';
import { Quota, type Rng } from './prng';
import type { Rota } from './rota';
import type { DemoVacancy } from './vacancies';
import type { TeamKey } from './people';

export interface Step {
  stage: Stage;
  date: string;
  /** Minutes after 08:00 UTC; keeps the Europe/London date equal to `date`. */
  minute: number;
  by: string;
  reason?: ExitReason;
  interviewAt?: string;
  note?: string;
}

export interface Draft {
  id: string;
  vacancy: DemoVacancy;
  team: TeamKey | null;
  received: string;
  candidate: Candidate;
  steps: Step[];
  /** What the generator planned for it (hires and declines are chosen per vacancy). */
  plan: 'generic' | 'hire' | 'decline' | 'in_flight' | 'scripted';
  /** Whose shortlisting queue it sits in, when it sits in one. */
  assignedTo?: string | null;
}

export interface Era {
  /** First day of asOf's quarter, and of the quarter before. */
  quarterStart: string;
  previousQuarterStart: string;
  cutoff: string;
}

/**
 * Shares of decisions made on time, by intake quarter: better this quarter than before.
 * Set above the ~81% / ~88% reports show, because withdrawals during a long wait and
 * applications still waiting past their due date count as missed too.
 */
export const ON_TIME = {
  shortlisting: { now: 0.9, before: 0.74 },
  interview: { now: 0.9, before: 0.76 },
};

export type GenericPath = 'reject' | 'withdraw_waiting' | 'shortlist_withdraw' | 'interview_reject' | 'interview_withdraw' | 'reserve';
export const GENERIC_PATHS: ReadonlyArray<readonly [GenericPath, number]> = [
  ['reject', 54],
  ['withdraw_waiting', 9],
  ['shortlist_withdraw', 6],
  ['interview_reject', 25],
  ['interview_withdraw', 3],
  ['reserve', 3],
];

const SCREENING_REASONS: ReadonlyArray<readonly [ExitReason, number]> = [
  ['insufficient_experience', 5], ['not_qualified', 2], ['no_swe_registration', 2], ['no_right_to_work', 1], ['other', 1],
];
const NQSW_SCREENING_REASONS: ReadonlyArray<readonly [ExitReason, number]> = [
  ['not_qualified', 3], ['no_swe_registration', 3], ['no_right_to_work', 1], ['other', 1],
];
const WAITING_WITHDRAWALS: ReadonlyArray<readonly [ExitReason, number]> = [
  ['took_another_job', 10], ['personal_circumstances', 1], ['location', 1], ['no_response', 1],
];
const INTERVIEW_WITHDRAWALS: ReadonlyArray<readonly [ExitReason, number]> = [
  ['took_another_job', 5], ['declined_interview', 3], ['no_response', 1],
];
const AFTER_INTERVIEW_WITHDRAWALS: ReadonlyArray<readonly [ExitReason, number]> = [
  ['took_another_job', 5], ['salary', 3], ['location', 2],
];
export const OFFER_DECLINES: ReadonlyArray<readonly [ExitReason, number]> = [
  ['declined_offer', 6], ['salary', 3], ['took_another_job', 2], ['location', 1],
];

const NOTES: Partial<Record<ExitReason, string>> = {
  other: 'Did not meet the essential criteria of the person specification',
  salary: 'Salary expectations above the grade',
  location: 'Travel to the team base too far',
  took_another_job: 'Accepted a post elsewhere while waiting to hear from us',
  declined_offer: 'Declined the offer',
  post_filled: 'Kept in reserve; posts filled',
};

const INTERVIEW_SLOTS = [60, 150, 300, 390];

export class Pipeline {
  readonly shortlistQuota: Quota;
  readonly interviewQuota: Quota;

  constructor(readonly era: Era, readonly rota: Rota, readonly rng: Rng) {
    this.shortlistQuota = new Quota(rng.float());
    this.interviewQuota = new Quota(rng.float());
  }

  /** Tries a plan on a draft; undoes its steps and quota draws when `keep` says no. */
  attempt<T>(d: Draft, plan: () => T, keep: (result: T) => boolean): boolean {
    const steps = d.steps.length;
    const quotas = [this.shortlistQuota.position, this.interviewQuota.position] as const;
    const assigned = d.assignedTo;
    const result = plan();
    if (keep(result)) return true;
    d.steps.length = steps;
    [this.shortlistQuota.position, this.interviewQuota.position] = quotas;
    d.assignedTo = assigned;
    return false;
  }

  coordinator(): string {
    return this.rng.weighted([[PRIYA.id, 5], [COORDINATORS[1].id, 3], [COORDINATORS[2].id, 2]] as const);
  }

  /** Received date for rolling vacancies, closing date for closing-date ones (domain.md). */
  readyOf(d: Draft): string {
    return d.vacancy.readyFrom ? maxDate(d.received, d.vacancy.readyFrom) : d.received;
  }

  push(d: Draft, step: Omit<Step, 'minute'> & { minute?: number }): void {
    const note = step.note ?? (step.reason ? NOTES[step.reason] : undefined);
    d.steps.push({ ...step, minute: step.minute ?? this.rng.int(30, 480), ...(note ? { note } : {}) });
  }

  applied(d: Draft, by = this.coordinator()): void {
    this.push(d, { stage: 'applied', date: d.received, by, minute: this.rng.int(0, 300) });
  }

  /** Rates belong to the quarter the application arrived in, as reports group cohorts. */
  private recent(d: Draft): boolean {
    return d.received >= this.era.quarterStart;
  }

  onTimeShortlisting(d: Draft): boolean {
    return this.shortlistQuota.take(this.recent(d) ? ON_TIME.shortlisting.now : ON_TIME.shortlisting.before);
  }

  onTimeInterview(d: Draft): boolean {
    return this.interviewQuota.take(this.recent(d) ? ON_TIME.interview.now : ON_TIME.interview.before);
  }

  /** Working days from ready to decision: closing-date rounds decide at the planned meeting. */
  decisionDelay(d: Draft, onTime: boolean): number {
    const planned = d.vacancy.record.plannedShortlistDate;
    if (onTime && planned && d.vacancy.readyFrom) return Math.max(1, Math.min(5, workingDaysBetween(d.vacancy.readyFrom, planned)));
    return onTime ? this.rng.int(1, 5) : this.rng.int(6, 10);
  }

  /** The shortlisting decision; returns its date. */
  screen(d: Draft, outcome: 'shortlisted' | 'rejected', onTime = this.onTimeShortlisting(d), delay = this.decisionDelay(d, onTime)): string {
    const date = addWorkingDays(this.readyOf(d), delay);
    const by = this.rota.managerFor(d.team, 'shortlisting', date);
    d.assignedTo = by;
    const reason = outcome === 'rejected' ? this.rng.weighted(d.vacancy.spec.role === 'nqsw' ? NQSW_SCREENING_REASONS : SCREENING_REASONS) : undefined;
    this.push(d, { stage: outcome, date, by, minute: this.rng.int(60, 300), ...(reason ? { reason } : {}) });
    return date;
  }

  /** Books and holds an interview `days` working days after the decision; returns its date. */
  interview(d: Draft, decided: string, days = this.interviewDelay(d, decided)): string {
    const day = addWorkingDays(decided, days);
    const booked = addWorkingDays(decided, this.rng.int(0, Math.min(2, days - 1)));
    const slot = this.rng.pick(INTERVIEW_SLOTS);
    this.push(d, { stage: 'interview_booked', date: booked, by: this.coordinator(), minute: 330 + this.rng.int(0, 60), interviewAt: at(day, slot) });
    this.push(d, { stage: 'interviewed', date: day, by: this.rota.managerFor(d.team, 'interviewing', day), minute: slot + 75 });
    return day;
  }

  interviewDelay(d: Draft, decided: string): number {
    const onTime = this.onTimeInterview(d);
    const planned = d.vacancy.record.plannedInterviewDate;
    if (onTime && planned && planned > decided) {
      const days = workingDaysBetween(decided, planned);
      if (days >= 2 && days <= 5) return days;
    }
    return onTime ? this.rng.int(2, 5) : this.rng.int(6, 9);
  }

  offer(d: Draft, interviewed: string, days = this.rng.int(1, 3)): string {
    const date = addWorkingDays(interviewed, days);
    this.push(d, { stage: 'offered', date, by: this.rota.managerFor(d.team, 'interviewing', interviewed), minute: this.rng.int(360, 540) });
    return date;
  }

  exit(d: Draft, stage: 'rejected' | 'withdrawn', date: string, reason: ExitReason, by?: string, note?: string): void {
    this.push(d, { stage, date, by: by ?? (stage === 'withdrawn' ? this.coordinator() : this.rota.managerFor(d.team, 'interviewing', date)), reason, ...(note ? { note } : {}) });
  }

  /** An application that does not end in a hire or a declined offer. */
  generic(d: Draft, path: GenericPath): void {
    const rng = this.rng;
    if (path === 'reject') {
      this.screen(d, 'rejected');
      return;
    }
    if (path === 'withdraw_waiting') {
      // No decision within target, and the candidate found a job meanwhile.
      const ready = this.readyOf(d);
      d.assignedTo = this.rota.managerFor(d.team, 'shortlisting', ready);
      // Closing-date candidates give up while the advert is still running.
      const date = ready === d.received
        ? addWorkingDays(ready, rng.int(6, 11))
        : addWorkingDays(d.received, rng.int(5, Math.max(5, workingDaysBetween(d.received, ready) + 2)));
      this.exit(d, 'withdrawn', date, rng.weighted(WAITING_WITHDRAWALS));
      return;
    }
    const decided = this.screen(d, 'shortlisted');
    if (path === 'shortlist_withdraw') {
      const reason = rng.weighted(INTERVIEW_WITHDRAWALS);
      this.exit(d, 'withdrawn', addWorkingDays(decided, rng.int(1, 2)), reason);
      return;
    }
    const interviewed = this.interview(d, decided);
    if (path === 'interview_reject') this.exit(d, 'rejected', addWorkingDays(interviewed, rng.int(1, 3)), 'unsuccessful_interview');
    else if (path === 'interview_withdraw') this.exit(d, 'withdrawn', addWorkingDays(interviewed, rng.int(1, 4)), rng.weighted(AFTER_INTERVIEW_WITHDRAWALS));
    else this.exit(d, 'rejected', addWorkingDays(interviewed, rng.int(5, 10)), 'post_filled');
  }

  /** Interview, offer, and the candidate turns it down. Returns the date of the decline. */
  decline(d: Draft): string {
    const decided = this.screen(d, 'shortlisted');
    const interviewed = this.interview(d, decided);
    const offered = this.offer(d, interviewed);
    const date = addWorkingDays(offered, this.rng.int(2, 6));
    this.exit(d, 'withdrawn', date, this.rng.weighted(OFFER_DECLINES));
    return date;
  }

  /** Heading for a hire at the usual pace; the caller cuts it at asOf. Returns the acceptance date. */
  forwardHire(d: Draft): string {
    const decided = this.screen(d, 'shortlisted');
    const interviewed = this.interview(d, decided);
    const offered = this.offer(d, interviewed);
    const accepted = addWorkingDays(offered, this.rng.int(2, 6));
    this.push(d, { stage: 'accepted', date: accepted, by: this.coordinator() });
    return accepted;
  }

  /**
   * A hire timed to be accepted on `target`: the gaps between stages are chosen to add up,
   * honouring on-time flags. Returns false (and leaves the draft untouched) when the target
   * cannot be met with believable gaps.
   */
  fittedHire(d: Draft, target: string): boolean {
    const rng = this.rng;
    const ready = this.readyOf(d);
    const total = workingDaysBetween(ready, target);
    const now = this.recent(d);
    const drawnShort = rng.chance(now ? ON_TIME.shortlisting.now : ON_TIME.shortlisting.before);
    const drawnInterview = rng.chance(now ? ON_TIME.interview.now : ON_TIME.interview.before);
    // Slow hires were slow somewhere: if the gaps cannot stretch far enough, a decision ran late.
    const attempts: Array<[boolean, boolean]> = [[drawnShort, drawnInterview], [false, drawnInterview], [false, false]];
    for (const [shortOnTime, interviewOnTime] of attempts) {
      let dd = this.decisionDelay(d, shortOnTime);
      let ii = interviewOnTime ? rng.int(2, 5) : rng.int(6, 9);
      let oo = rng.int(1, 4);
      let aa = total - dd - ii - oo;
      // Stretch the slow parts first (offer sign-off, then a late interview), shrink the same way.
      while (aa > 10 && oo < 10) { oo++; aa--; }
      while (aa > 10 && !interviewOnTime && ii < 9) { ii++; aa--; }
      while (aa > 10 && !shortOnTime && dd < 10) { dd++; aa--; }
      while (aa < 1 && oo > 1) { oo--; aa++; }
      while (aa < 1 && ii > 2) { ii--; aa++; }
      while (aa < 1 && dd > 1) { dd--; aa++; }
      if (aa < 1 || aa > 10) continue;
      const decided = this.screen(d, 'shortlisted', shortOnTime, dd);
      const interviewed = this.interview(d, decided, ii);
      const offered = this.offer(d, interviewed, oo);
      this.push(d, { stage: 'accepted', date: addWorkingDays(offered, aa), by: this.coordinator() });
      return true;
    }
    return false;
  }

  /** Drops what would happen after the cutoff: the demo shows the state at asOf. */
  cut(d: Draft): void {
    const i = d.steps.findIndex((s) => s.date > this.era.cutoff);
    if (i >= 0) d.steps.length = i;
  }

  /** Closes an application still open on `date` (vacancy cancelled or filled). */
  closeOut(d: Draft, closeDate: string, reason: ExitReason, note: string, by: string): void {
    // Someone who applied after the posts were filled hears the next working day.
    const date = maxDate(closeDate, addWorkingDays(d.received, 1));
    const i = d.steps.findIndex((s) => s.date > date);
    if (i < 0) return;
    d.steps.length = i;
    const last = d.steps[d.steps.length - 1];
    if (last && (last.stage === 'rejected' || last.stage === 'withdrawn')) return;
    this.push(d, { stage: 'rejected', date, by, reason, note });
  }
}

export const isExit = (stage: Stage) => stage === 'rejected' || stage === 'withdrawn';
