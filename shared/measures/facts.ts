import { addWorkingDaysToDay, dayNumber, londonDayOfMs, workingDaysBetweenDays } from '../calendar';
import type { Application, Vacancy } from '../schema/recruitment';
import { OPEN_STAGES, STAGES, type ExitReason, type ExitStage, type Stage } from '../schema/stage';
import type { EventColumns } from './event-columns';
import { readyDate, type TargetSettings } from '../targets';

/** Pipeline position of each open stage (applied = 0 ... started = 7). */
export const PIPELINE_INDEX: Readonly<Record<string, number>> = Object.fromEntries(OPEN_STAGES.map((s, i) => [s, i]));

/**
 * What every measure needs to know about one application, derived once from its
 * ordered history (see event-columns.ts). Days are UTC day numbers of Europe/London dates.
 */
export interface ApplicationFacts {
  application: Application;
  vacancy: Vacancy | undefined;
  receivedDay: number;
  /** First day each stage was recorded. */
  firstDay: Partial<Record<Stage, number>>;
  /** Furthest pipeline position reached (0 = applied); exits do not count. */
  furthest: number;
  stage: Stage;
  exit: { kind: ExitStage; reason: ExitReason | null; from: Stage; day: number } | null;
  /** Position of the application in the list the event columns were built from (its history is there). */
  k: number;
  /** First shortlisting decision by us (any move off Applied other than a withdrawal). */
  decisionDay: number | null;
  shortlistDueDay: number;
  /** Interview target day: the interview target in working days after the first shortlisting; null if never shortlisted. */
  interviewDueDay: number | null;
  /** Working days from received to the first acceptance; null if never accepted (time to hire, sources). */
  acceptedWorkingDays: number | null;
  /** Month the application was received, as year * 12 + month - 1 (cohorts in over-time.ts). */
  receivedMonth: number;
  /** Day the interview was held: the latest booking before it was recorded, else the record's day. */
  interviewHeldDay: number | null;
  /** Latest booked interview day while still waiting for the interview. */
  interviewBookedDay: number | null;
  /**
   * Completed stays in history order, as pairs (index into STAGES, working days): a stay ends
   * when the next different stage begins, so a re-booked interview is one stay (time-in-stage.ts).
   */
  stays: number[];
}

const FIRST_EXIT = OPEN_STAGES.length;
const FIRST_DAY_SCRATCH = new Float64Array(STAGES.length);
const reached = (day: number | undefined) => (day === undefined || Number.isNaN(day) ? undefined : day);
const I = Object.fromEntries(STAGES.map((s, i) => [s, i])) as Record<Stage, number>;

/** Facts of application number `k` of the list `columns` was built from. */
export function deriveFacts(
  application: Application,
  vacancy: Vacancy | undefined,
  columns: EventColumns,
  k: number,
  settings: TargetSettings,
): ApplicationFacts {
  const receivedDay = dayNumber(application.receivedDate);
  // First day per stage index, NaN for "not reached", in a scratch buffer reused by every call.
  const first = FIRST_DAY_SCRATCH.fill(NaN);
  let current = -1;
  let furthest = 0;
  let decisionDay: number | null = null;
  let bookedDay: number | null = null;
  let interviewHeldDay: number | null = null;
  let lastOpen = 0;
  let exitAt = -1;
  const stays: number[] = [];
  let stayStart = 0;
  const { day: dayOf, stage: stageOf, interviewMs } = columns;

  for (let j = columns.start[k]!; j < columns.end[k]!; j++) {
    const index = stageOf[j]!;
    const day = dayOf[j]!;
    if (index !== current) {
      if (current >= 0) stays.push(current, workingDaysBetweenDays(stayStart, day, settings.division));
      stayStart = day;
    }
    if (Number.isNaN(first[index]!)) first[index] = day;
    current = index;
    if (index >= FIRST_EXIT) {
      exitAt = j;
      continue;
    }
    exitAt = -1; // reopened
    lastOpen = index;
    if (index > furthest) furthest = index;
    if (decisionDay === null && index !== I.applied) decisionDay = day;
    if (index === I.interview_booked && !Number.isNaN(interviewMs[j]!)) bookedDay = londonDayOfMs(interviewMs[j]!);
    if (index === I.interviewed && interviewHeldDay === null) interviewHeldDay = bookedDay !== null && bookedDay <= day ? bookedDay : day;
  }
  // A rejection is a shortlisting decision too; a withdrawal is theirs, not ours.
  const rejectedDay = first[I.rejected]!;
  if (!Number.isNaN(rejectedDay) && (decisionDay === null || rejectedDay < decisionDay)) decisionDay = rejectedDay;
  const stage = current < 0 ? 'applied' : STAGES[current]!;
  const exit: ApplicationFacts['exit'] = exitAt < 0 ? null : {
    kind: stage as ExitStage,
    reason: columns.events[columns.event[exitAt]!]!.reason ?? null,
    from: STAGES[lastOpen]!,
    day: dayOf[exitAt]!,
  };
  const ready = vacancy ? readyDate(application, vacancy) : application.receivedDate;
  return {
    application,
    vacancy,
    receivedDay,
    firstDay: {
      applied: reached(first[0]), shortlisted: reached(first[1]), interview_booked: reached(first[2]), interviewed: reached(first[3]),
      offered: reached(first[4]), accepted: reached(first[5]), checks_complete: reached(first[6]), started: reached(first[7]),
      rejected: reached(first[8]), withdrawn: reached(first[9]),
    },
    furthest,
    stage,
    exit,
    k,
    decisionDay,
    shortlistDueDay: addWorkingDaysToDay(dayNumber(ready), settings.shortlistWorkingDays, settings.division),
    interviewDueDay: Number.isNaN(first[I.shortlisted]!) ? null : addWorkingDaysToDay(first[I.shortlisted]!, settings.interviewWorkingDays, settings.division),
    acceptedWorkingDays: Number.isNaN(first[I.accepted]!) ? null : workingDaysBetweenDays(receivedDay, first[I.accepted]!, settings.division),
    receivedMonth: Number(application.receivedDate.slice(0, 4)) * 12 + Number(application.receivedDate.slice(5, 7)) - 1,
    interviewHeldDay,
    interviewBookedDay: interviewHeldDay === null && stage === 'interview_booked' ? bookedDay : null,
    stays,
  };
}
