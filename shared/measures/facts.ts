import { addWorkingDaysToDay, dayNumber, instantMs, londonDayOfMs } from '../calendar';
import type { Application, Vacancy } from '../schema/recruitment';
import { OPEN_STAGES, type ExitReason, type ExitStage, type Stage } from '../schema/stage';
import { isExit, type TimedEvent } from '../stages';
import { readyDate, type TargetSettings } from '../targets';

/** Pipeline position of each open stage (applied = 0 ... started = 7). */
export const PIPELINE_INDEX: Readonly<Record<string, number>> = Object.fromEntries(OPEN_STAGES.map((s, i) => [s, i]));

export interface Stay {
  stage: Stage;
  startDay: number;
  /** Day left; null while still there. */
  endDay: number | null;
}

/**
 * What every measure needs to know about one application, derived once from its
 * ordered history. Days are UTC day numbers of Europe/London dates.
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
  stays: Stay[];
  /** First shortlisting decision by us (any move off Applied other than a withdrawal). */
  decisionDay: number | null;
  shortlistDueDay: number;
  /** Day the interview was held: the latest booking before it was recorded, else the record's day. */
  interviewHeldDay: number | null;
  /** Latest booked interview day while still waiting for the interview. */
  interviewBookedDay: number | null;
}

export function deriveFacts(
  application: Application,
  vacancy: Vacancy | undefined,
  timed: readonly TimedEvent[],
  settings: TargetSettings,
): ApplicationFacts {
  const receivedDay = dayNumber(application.receivedDate);
  const firstDay: Partial<Record<Stage, number>> = {};
  const stays: Stay[] = [];
  let furthest = 0;
  let decisionDay: number | null = null;
  let bookedDay: number | null = null;
  let interviewHeldDay: number | null = null;
  let lastOpen: Stage = 'applied';
  let exit: ApplicationFacts['exit'] = null;

  for (const { event, ms } of timed) {
    const day = londonDayOfMs(ms);
    const stage = event.stage;
    firstDay[stage] ??= day;
    const last = stays.at(-1);
    if (!last || last.stage !== stage) {
      if (last) last.endDay = day;
      stays.push({ stage, startDay: day, endDay: null });
    }
    if (isExit(stage)) {
      exit = { kind: stage, reason: event.reason ?? null, from: lastOpen, day };
      continue;
    }
    exit = null; // reopened
    lastOpen = stage;
    const index = PIPELINE_INDEX[stage] ?? 0;
    if (index > furthest) furthest = index;
    if (decisionDay === null && stage !== 'applied') decisionDay = day;
    if (stage === 'interview_booked' && event.interviewAt) bookedDay = londonDayOfMs(instantMs(event.interviewAt));
    if (stage === 'interviewed' && interviewHeldDay === null) interviewHeldDay = bookedDay !== null && bookedDay <= day ? bookedDay : day;
  }
  // A rejection is a shortlisting decision too; a withdrawal is theirs, not ours.
  const rejectedDay = firstDay.rejected;
  if (rejectedDay !== undefined && (decisionDay === null || rejectedDay < decisionDay)) decisionDay = rejectedDay;
  const stage = stays.at(-1)?.stage ?? 'applied';
  const ready = vacancy ? readyDate(application, vacancy) : application.receivedDate;
  return {
    application,
    vacancy,
    receivedDay,
    firstDay,
    furthest,
    stage,
    exit,
    stays,
    decisionDay,
    shortlistDueDay: addWorkingDaysToDay(dayNumber(ready), settings.shortlistWorkingDays, settings.division),
    interviewHeldDay,
    interviewBookedDay: interviewHeldDay === null && stage === 'interview_booked' ? bookedDay : null,
  };
}
