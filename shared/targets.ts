import { addWorkingDays, formatDay, londonDateOf, workingDaysBetween } from './calendar';
import type { Settings } from './schema/organisation';
import type { Application, Vacancy } from './schema/recruitment';
import { STAGES, type Stage, type StageEvent } from './schema/stage';
import { currentStage, indexEvents, inHistoryOrder, isExit, isFinished, stageHistory, type TimedEvent } from './stages';

/**
 * Working-day targets (domain.md "Working days and targets"):
 * - shortlisting: a decision within settings.shortlistWorkingDays of the application
 *   becoming ready (received date for rolling vacancies; closing date for closing-date
 *   vacancies, or the received date if it came in after closing);
 * - interview: held within settings.interviewWorkingDays of the shortlisting decision;
 *   a booked interview on or before the due date meets it;
 * - any other stage with settings.stageTargets[stage]: amber after `ideal`, red after `max`
 *   working days in the stage. For the shortlisting and interview stages a stageTargets
 *   entry only adds an earlier amber point (its ideal); the due date stays the built-in one.
 * Status as of a date: green (not due yet), amber (due today or the next working day,
 * or past ideal), red (overdue), none (exits, Started, stages without a target).
 */

export type TargetKind = 'shortlisting' | 'interview' | 'stage';
export type TargetStatus = 'green' | 'amber' | 'red' | 'none';
export type TargetSettings = Pick<Settings, 'division' | 'shortlistWorkingDays' | 'interviewWorkingDays' | 'stageTargets'>;

export interface TargetResult {
  stage: Stage;
  kind: TargetKind | null;
  /** When the clock started (ready date, shortlisting date, or stage entered). */
  startDate: string | null;
  dueDate: string | null;
  idealDate: string | null;
  /** Working days from asOf to the due date; negative when overdue; null without a target. */
  workingDaysLeft: number | null;
  status: TargetStatus;
  /** "due in 2 working days", "due today", "overdue 1 working day"... */
  label: string;
}

/** The date an application became ready for a shortlisting decision. */
export function readyDate(application: Pick<Application, 'receivedDate'>, vacancy: Pick<Vacancy, 'mode' | 'closingDate'>): string {
  const received = application.receivedDate;
  if (vacancy.mode === 'rolling' || !vacancy.closingDate) return received;
  return received > vacancy.closingDate ? received : vacancy.closingDate;
}

export const shortlistingDueDate = (
  application: Pick<Application, 'receivedDate'>,
  vacancy: Pick<Vacancy, 'mode' | 'closingDate'>,
  settings: TargetSettings,
) => addWorkingDays(readyDate(application, vacancy), settings.shortlistWorkingDays, settings.division);

export const interviewDueDate = (shortlistedOn: string, settings: TargetSettings) =>
  addWorkingDays(shortlistedOn, settings.interviewWorkingDays, settings.division);

const plural = (n: number) => `${n} working day${n === 1 ? '' : 's'}`;

/** Status and label of a due date as of a date. */
export function dueStatus(
  asOf: string,
  dueDate: string,
  idealDate: string | null,
  division: Settings['division'],
): Pick<TargetResult, 'workingDaysLeft' | 'status' | 'label'> {
  const between = workingDaysBetween(asOf, dueDate, division);
  if (asOf > dueDate) {
    // The weekend after a Friday deadline is already overdue, though no working day has passed.
    const left = Math.min(-1, between);
    return { workingDaysLeft: left, status: 'red', label: `overdue ${plural(-left)}` };
  }
  const label = between === 0 ? 'due today' : `due in ${plural(between)}`;
  const amber = between <= 1 || (idealDate !== null && asOf > idealDate);
  return { workingDaysLeft: between, status: amber ? 'amber' : 'green', label };
}

const none = (stage: Stage, label: string): TargetResult => ({
  stage, kind: null, startDate: null, dueDate: null, idealDate: null, workingDaysLeft: null, status: 'none', label,
});

/** The target an application is working to now, and its status as of a date. */
export function applicationTarget(
  application: Pick<Application, 'receivedDate'>,
  vacancy: Pick<Vacancy, 'mode' | 'closingDate'>,
  events: readonly StageEvent[] | readonly TimedEvent[],
  settings: TargetSettings,
  asOf: string,
): TargetResult {
  const division = settings.division;
  const timed = inHistoryOrder(events);
  const stage = currentStage(timed);
  if (isExit(stage)) return none(stage, stage === 'rejected' ? 'closed: rejected' : 'closed: withdrawn');
  if (isFinished(stage)) return none(stage, 'started');
  const stays = stageHistory(timed);
  const enteredOn = stays.at(-1)?.enteredOn ?? application.receivedDate;
  const extra = settings.stageTargets[stage];

  const result = (kind: TargetKind, startDate: string, dueDate: string, idealDays: number | undefined): TargetResult => {
    const ideal = idealDays === undefined ? null : addWorkingDays(startDate, idealDays, division);
    const idealDate = ideal !== null && ideal < dueDate ? ideal : null;
    return { stage, kind, startDate, dueDate, idealDate, ...dueStatus(asOf, dueDate, idealDate, division) };
  };

  if (stage === 'applied') {
    const start = readyDate(application, vacancy);
    return result('shortlisting', start, shortlistingDueDate(application, vacancy, settings), extra?.ideal);
  }
  if (stage === 'shortlisted' || stage === 'interview_booked') {
    const shortlistedOn = stays.findLast((s) => s.stage === 'shortlisted')?.enteredOn ?? enteredOn;
    const due = interviewDueDate(shortlistedOn, settings);
    const target = result('interview', shortlistedOn, due, extra?.ideal);
    const interviewAt = stays.at(-1)?.stage === 'interview_booked' ? lastBooking(timed) : null;
    if (!interviewAt) return target;
    const on = londonDateOf(interviewAt);
    if (on <= due) {
      return asOf <= on
        ? { ...target, status: 'green', label: `interview booked for ${formatDay(on)}, within target` }
        : { ...target, status: 'amber', label: `record the interview held on ${formatDay(on)}` };
    }
    const status = target.status === 'green' ? 'amber' : target.status;
    return { ...target, status, label: `${target.label}; interview booked for ${formatDay(on)}, after the target` };
  }
  if (!extra) return none(stage, 'no target for this stage');
  return result('stage', enteredOn, addWorkingDays(enteredOn, extra.max, division), extra.ideal);
}

/** `interviewAt` of the latest interview_booked event (a re-booking replaces the date). */
function lastBooking(timed: readonly TimedEvent[]): string | null {
  for (let i = timed.length - 1; i >= 0; i--) {
    const e = timed[i]!.event;
    if (e.stage === 'interview_booked' && e.interviewAt) return e.interviewAt;
  }
  return null;
}

// ---------------------------------------------------------------- a whole vacancy

export interface TargetItem {
  application: Application;
  target: TargetResult;
}

export interface VacancyTargets {
  counts: Record<Stage, number>;
  /** Open applications past their due date (exits and starters are never overdue). */
  overdue: number;
  /** Amber: due today or next working day, or past ideal. */
  dueSoon: number;
  /** Applications with a due date, soonest first (overdue first), then by id. */
  next: TargetItem[];
}

/**
 * Counts per stage, overdue counts and the next due items of one vacancy. `events` may
 * be the raw list or an index from `indexEvents` (build it once for many vacancies).
 */
export function vacancyTargets(
  vacancy: Vacancy,
  applications: readonly Application[],
  events: readonly StageEvent[] | ReadonlyMap<string, readonly TimedEvent[]>,
  settings: TargetSettings,
  asOf: string,
  limit = 5,
): VacancyTargets {
  const index = Array.isArray(events) ? indexEvents(events) : (events as ReadonlyMap<string, readonly TimedEvent[]>);
  const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  const due: TargetItem[] = [];
  let overdue = 0;
  let dueSoon = 0;
  for (const application of applications) {
    if (application.vacancyId !== vacancy.id) continue;
    const target = applicationTarget(application, vacancy, index.get(application.id) ?? [], settings, asOf);
    counts[target.stage]++;
    if (target.status === 'red') overdue++;
    if (target.status === 'amber') dueSoon++;
    if (target.dueDate) due.push({ application, target });
  }
  due.sort((a, b) => compareDue(a.target, b.target) || (a.application.id < b.application.id ? -1 : 1));
  return { counts, overdue, dueSoon, next: due.slice(0, limit) };
}

/** Soonest due date first (overdue items have the earliest dates). */
export function compareDue(a: TargetResult, b: TargetResult): number {
  const da = a.dueDate ?? '9999-12-31';
  const db = b.dueDate ?? '9999-12-31';
  return da < db ? -1 : da > db ? 1 : 0;
}
