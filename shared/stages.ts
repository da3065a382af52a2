import { dateOfDay, dayNumber, instantMs, londonDayOfMs, workingDaysBetweenDays } from './calendar';
import type { Division } from './schema/primitives';
import {
  EXIT_STAGES,
  OPEN_STAGES,
  REJECTION_REASONS,
  STAGE_LABELS,
  WITHDRAWAL_REASONS,
  type ExitReason,
  type ExitStage,
  type Stage,
} from './labels';
import type { StageEvent } from './schema/stage';

/**
 * The stage machine (domain.md "Stages"). Rules, and why:
 * - Forward along the pipeline one step at a time, so the funnel and time-in-stage
 *   measures see every step. One step may be skipped: Shortlisted -> Interviewed, for an
 *   interview held at short notice without a booking being recorded.
 * - Interview booked -> Interview booked re-books (a new date); the stay is not restarted.
 * - Exits (Rejected: we decided; Withdrawn: they decided) from any open stage except
 *   Started: a starter who leaves is a leaver, not a recruitment exit.
 * - Nothing moves out of an exit, except an explicit reopen, which returns the
 *   application to the stage it was in before the exit (a mistaken rejection, a candidate
 *   who changes their mind). A reopen is recorded as an ordinary event of that stage.
 * The current stage is always the stage of the latest event: the history is the truth,
 * even where it breaks these rules (two replicas may each record a move offline);
 * `historyProblems` lists such breaks for a person to tidy.
 */

/** Stages whose step may not be skipped, in order (Interview booked is optional). */
const REQUIRED_STEPS: readonly Stage[] = ['shortlisted', 'interviewed', 'offered', 'accepted', 'checks_complete', 'started'];
const STEP_VERBS: Partial<Record<Stage, string>> = {
  shortlisted: 'shortlist',
  interviewed: 'interview',
  offered: 'make an offer',
  accepted: 'record the acceptance',
  checks_complete: 'complete the pre-employment checks',
  started: 'record the start',
};

export const TRANSITIONS: Readonly<Record<Stage, readonly Stage[]>> = {
  applied: ['shortlisted', 'rejected', 'withdrawn'],
  shortlisted: ['interview_booked', 'interviewed', 'rejected', 'withdrawn'],
  interview_booked: ['interview_booked', 'interviewed', 'rejected', 'withdrawn'],
  interviewed: ['offered', 'rejected', 'withdrawn'],
  offered: ['accepted', 'rejected', 'withdrawn'],
  accepted: ['checks_complete', 'rejected', 'withdrawn'],
  checks_complete: ['started', 'rejected', 'withdrawn'],
  started: [],
  rejected: [],
  withdrawn: [],
};

const pipelineIndex = (s: Stage) => (OPEN_STAGES as readonly Stage[]).indexOf(s);

export const isExit = (stage: Stage): stage is ExitStage => (EXIT_STAGES as readonly Stage[]).includes(stage);
/** Started is the end of the pipeline: no targets, no exits. */
export const isFinished = (stage: Stage) => stage === 'started';
/** 'rejected' (we decided) or 'withdrawn' (they decided); null for an open stage. */
export const exitKind = (stage: Stage): ExitStage | null => (isExit(stage) ? stage : null);

export const canTransition = (from: Stage, to: Stage) => TRANSITIONS[from].includes(to);
export const nextStages = (stage: Stage): readonly Stage[] => TRANSITIONS[stage];

export type TransitionCheck = { ok: true } | { ok: false; message: string };

const joinAnd = (words: string[]) => (words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`);

/** Whether a move is allowed, and if not a message a person can act on. */
export function checkTransition(from: Stage, to: Stage): TransitionCheck {
  if (canTransition(from, to)) return { ok: true };
  const move = `cannot move from ${STAGE_LABELS[from]} to ${STAGE_LABELS[to]}`;
  if (isExit(from)) return { ok: false, message: `${move}: the application is closed; reopen it first` };
  if (from === 'started') {
    return { ok: false, message: `${move}: the candidate has started, so recruitment is over for them; record a leaver instead` };
  }
  if (from === to) return { ok: false, message: `the application is already at ${STAGE_LABELS[to]}` };
  const fromIndex = pipelineIndex(from);
  const toIndex = pipelineIndex(to);
  if (toIndex < fromIndex) {
    return { ok: false, message: `${move}: stages only move forward; if it should not go on, reject it or record a withdrawal` };
  }
  const missing = REQUIRED_STEPS.filter((s) => pipelineIndex(s) > fromIndex && pipelineIndex(s) < toIndex);
  const verbs = missing.map((s) => STEP_VERBS[s] ?? STAGE_LABELS[s]);
  return { ok: false, message: `${move}: ${joinAnd(verbs.length ? verbs : [`move to ${STAGE_LABELS[nextStages(from)[0] ?? to]}`])} first` };
}

// ---------------------------------------------------------------- history

/** An event with its instant parsed once, for sorting and dating. */
export interface TimedEvent {
  event: StageEvent;
  ms: number;
}

/**
 * Events in history order: by `at` as an instant, then by id, each id once, so every
 * replica derives the same history whatever order the events arrived in.
 */
export function orderEvents(events: readonly StageEvent[]): TimedEvent[] {
  return sortTimed(events.map((event) => ({ event, ms: instantMs(event.at) })));
}

/** Sorts in place by instant then id and drops repeated ids. */
function sortTimed(timed: TimedEvent[]): TimedEvent[] {
  timed.sort(byInstantThenId);
  // Copies of one event share `at` and id, so after sorting they sit side by side.
  let kept = 0;
  for (let i = 0; i < timed.length; i++) {
    if (kept > 0 && timed[kept - 1]!.event.id === timed[i]!.event.id) continue;
    timed[kept++] = timed[i]!;
  }
  timed.length = kept;
  return timed;
}

const byInstantThenId = (a: TimedEvent, b: TimedEvent) =>
  a.ms - b.ms || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0);

/** Events grouped by application, each list in history order. Build once per report. */
export function indexEvents(events: readonly StageEvent[]): Map<string, TimedEvent[]> {
  const out = new Map<string, TimedEvent[]>();
  for (const event of events) {
    const timed = { event, ms: instantMs(event.at) };
    const list = out.get(event.applicationId);
    if (list) list.push(timed);
    else out.set(event.applicationId, [timed]);
  }
  for (const list of out.values()) sortTimed(list);
  return out;
}

/** Events in history order: as given when already ordered (from `orderEvents`/`indexEvents`), else ordered now. */
export const inHistoryOrder = (events: readonly StageEvent[] | readonly TimedEvent[]): readonly TimedEvent[] =>
  events.length === 0 || 'ms' in events[0]! ? (events as readonly TimedEvent[]) : orderEvents(events as readonly StageEvent[]);
const timedOf = inHistoryOrder;

/** The stage of the latest event; an application with no history yet is Applied. */
export function currentStage(events: readonly StageEvent[] | readonly TimedEvent[]): Stage {
  const timed = timedOf(events);
  return timed.at(-1)?.event.stage ?? 'applied';
}

export interface StageStay {
  stage: Stage;
  /** The event that entered the stage (re-bookings and repeats stay in one stay). */
  enteredBy: StageEvent;
  enteredAt: string;
  /** Europe/London date entered. */
  enteredOn: string;
  leftAt: string | null;
  leftOn: string | null;
  /** Time in the stage up to leaving, or up to `asOf` while still there (null without asOf). */
  calendarDays: number | null;
  workingDays: number | null;
}

/**
 * Stays in each stage, in order. Consecutive events of the same stage (a re-booked
 * interview) make one stay. Durations are measured between Europe/London dates.
 */
export function stageHistory(
  events: readonly StageEvent[] | readonly TimedEvent[],
  options: { asOf?: string; division?: Division } = {},
): StageStay[] {
  const timed = timedOf(events);
  const stays: StageStay[] = [];
  const days: number[] = [];
  for (const t of timed) {
    const last = stays.at(-1);
    if (last && last.stage === t.event.stage) continue;
    const day = londonDayOfMs(t.ms);
    if (last) {
      last.leftAt = t.event.at;
      last.leftOn = dateOfDay(day);
    }
    days.push(day);
    stays.push({
      stage: t.event.stage,
      enteredBy: t.event,
      enteredAt: t.event.at,
      enteredOn: dateOfDay(day),
      leftAt: null,
      leftOn: null,
      calendarDays: null,
      workingDays: null,
    });
  }
  const asOfDay = options.asOf ? dayNumber(options.asOf) : null;
  stays.forEach((stay, i) => {
    const start = days[i]!;
    const end = days[i + 1] ?? asOfDay;
    if (end === null || (stay.leftOn === null && isFinished(stay.stage)) || (stay.leftOn === null && isExit(stay.stage))) return;
    stay.calendarDays = end - start;
    stay.workingDays = workingDaysBetweenDays(start, end, options.division);
  });
  return stays;
}

export interface ExitInfo {
  kind: ExitStage;
  reason: ExitReason | null;
  /** The stage the application was in when it left. */
  from: Stage;
  at: string;
}

/** How an application left, when its current stage is an exit; else null. */
export function exitOf(events: readonly StageEvent[] | readonly TimedEvent[]): ExitInfo | null {
  const timed = timedOf(events);
  const last = timed.at(-1)?.event;
  if (!last || !isExit(last.stage)) return null;
  return { kind: last.stage, reason: last.reason ?? null, from: reopenStage(timed) ?? 'applied', at: last.at };
}

/** The stage a closed application returns to when reopened: the last open stage before the exit. */
export function reopenStage(events: readonly StageEvent[] | readonly TimedEvent[]): Stage | null {
  const timed = timedOf(events);
  if (!isExit(currentStage(timed))) return null;
  for (let i = timed.length - 2; i >= 0; i--) {
    const s = timed[i]!.event.stage;
    if (!isExit(s)) return s;
  }
  return 'applied';
}

/** Checks a move from the application's current stage, allowing the reopen of an exit. */
export function checkMove(events: readonly StageEvent[] | readonly TimedEvent[], to: Stage): TransitionCheck {
  const timed = timedOf(events);
  const from = currentStage(timed);
  if (isExit(from)) {
    const back = reopenStage(timed);
    if (to === back) return { ok: true };
    return {
      ok: false,
      message: `cannot move from ${STAGE_LABELS[from]} to ${STAGE_LABELS[to]}: the application is closed; reopening returns it to ${STAGE_LABELS[back ?? 'applied']}`,
    };
  }
  return checkTransition(from, to);
}

/** Moves in the history the rules do not allow (recorded offline, or imported), for a person to tidy. */
export function historyProblems(events: readonly StageEvent[] | readonly TimedEvent[]): string[] {
  const timed = timedOf(events);
  const problems: string[] = [];
  let from: Stage = 'applied';
  let before: Stage = 'applied';
  timed.forEach((t, i) => {
    const to = t.event.stage;
    if (i === 0 && to === 'applied') return;
    const reopen = isExit(from) && to === before;
    if (!reopen) {
      const check = checkTransition(from, to);
      if (!check.ok) problems.push(`${t.event.at}: ${check.message}`);
    }
    if (!isExit(from)) before = from;
    from = to;
  });
  return problems;
}

/** True when an exit reason belongs to "we decided" rather than "they decided". */
export const isRejectionReason = (reason: ExitReason) => (REJECTION_REASONS as readonly string[]).includes(reason);

// ---------------------------------------------------------------- moves

/** What a move needs besides the stage: a reason for an exit, a date and time for a booking. */
export type MoveNeed = 'rejection_reason' | 'withdrawal_reason' | 'interview_time';

export function moveNeeds(to: Stage): MoveNeed | null {
  if (to === 'rejected') return 'rejection_reason';
  if (to === 'withdrawn') return 'withdrawal_reason';
  if (to === 'interview_booked') return 'interview_time';
  return null;
}

/** Stages an application may move to now: the next stages, or the reopen of a closed one. */
export function allowedMoves(events: readonly StageEvent[] | readonly TimedEvent[]): Stage[] {
  const timed = timedOf(events);
  const from = currentStage(timed);
  if (isExit(from)) {
    const back = reopenStage(timed);
    return back ? [back] : [];
  }
  return nextStages(from).filter((to) => checkMove(timed, to).ok);
}

export interface MoveInput {
  /** The application's history, to check the move against. */
  events: readonly StageEvent[] | readonly TimedEvent[];
  to: Stage;
  reason?: string | null;
  /** For interview_booked: a `datetime-local` value (read in the caller's zone) or an ISO instant. */
  interviewAt?: string | null;
  note?: string | null;
}

/** The fields a move records besides who and when; only what its stage needs, so nothing stray is stored. */
export interface PlannedMove {
  stage: Stage;
  reason: ExitReason | null;
  interviewAt: string | null;
  note: string | null;
}

export type MovePlan = { ok: true; move: PlannedMove } | { ok: false; message: string };

/** The reasons a move to this stage may give: rejection reasons, withdrawal reasons, or none (not an exit). */
export function exitReasonsFor(to: Stage): readonly ExitReason[] | null {
  if (to === 'rejected') return REJECTION_REASONS;
  if (to === 'withdrawn') return WITHDRAWAL_REASONS;
  return null;
}

/** An instant as ISO; null when empty or unreadable. */
function instantOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * Whether a move may be made, and what it records. Every place that moves a stage (board,
 * candidate page, queue, checks, and the background answering the overlay) asks this, so
 * none accepts what another refuses.
 */
export function planMove(input: MoveInput): MovePlan {
  const check = checkMove(input.events, input.to);
  return check.ok ? planMoveDetails(input) : check;
}

/**
 * The half of `planMove` that needs no history: the reason an exit needs (of its kind), the
 * time a booking needs, the note. For the overlay's panel, which knows the stage but not the
 * events; the background then runs the whole `planMove`.
 */
export function planMoveDetails(input: Omit<MoveInput, 'events'>): MovePlan {
  const need = moveNeeds(input.to);
  const reasons = exitReasonsFor(input.to);
  let reason: ExitReason | null = null;
  if (reasons) {
    const rejection = need === 'rejection_reason';
    if (!input.reason) return { ok: false, message: rejection ? 'choose why the candidate is rejected' : 'choose why the candidate withdrew' };
    if (!(reasons as readonly string[]).includes(input.reason)) {
      return { ok: false, message: `"${input.reason}" is not a reason for ${rejection ? 'a rejection' : 'a withdrawal'}: choose one from the list` };
    }
    reason = input.reason as ExitReason;
  }
  const interviewAt = need === 'interview_time' ? instantOrNull(input.interviewAt) : null;
  if (need === 'interview_time' && !interviewAt) return { ok: false, message: 'choose the date and time of the interview' };
  return { ok: true, move: { stage: input.to, reason, interviewAt, note: input.note?.trim() || null } };
}
