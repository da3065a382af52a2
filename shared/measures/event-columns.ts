import { instantMs, londonDayOfMs } from '../calendar';
import type { Application } from '../schema/recruitment';
import { STAGES, type StageEvent } from '../schema/stage';

/**
 * Stage events laid out for a report. One sequential pass reads what the measures need
 * from each event into typed columns; a counting sort then places them grouped by
 * application, and each group is sorted into history order (instant, then id, each id
 * once: the order of stages.ts). Walking 100,000 event objects scattered in memory once
 * per application was the main cost of a report; after this every later pass reads
 * contiguous numbers.
 */
export interface EventColumns {
  events: readonly StageEvent[];
  /** Application k's history is positions start[k] .. end[k] - 1 of the columns below. */
  start: Int32Array;
  end: Int32Array;
  /** Index of the event in `events`. */
  event: Int32Array;
  ms: Float64Array;
  /** Europe/London day number of each event. */
  day: Int32Array;
  /** Index into STAGES. */
  stage: Uint8Array;
  /** Booked interview instant of interview_booked events, else NaN. */
  interviewMs: Float64Array;
}

const UNKNOWN = 255;
const INTERVIEW_BOOKED = STAGES.indexOf('interview_booked');

/**
 * Index of a stage name in STAGES, told apart by first letter and length and then
 * confirmed: cheaper than hashing a fresh string read from storage for every event.
 */
function stageIndexOf(name: string): number {
  let i: number;
  switch (name.charCodeAt(0)) {
    case 97: i = name.length === 7 ? 0 : 5; break; // applied, accepted
    case 115: i = name.length === 11 ? 1 : 7; break; // shortlisted, started
    case 105: i = name.length === 16 ? 2 : 3; break; // interview_booked, interviewed
    case 111: i = 4; break; // offered
    case 99: i = 6; break; // checks_complete
    case 114: i = 8; break; // rejected
    case 119: i = 9; break; // withdrawn
    default: return UNKNOWN;
  }
  return STAGES[i] === name ? i : UNKNOWN;
}

/**
 * What a report reads from each event, in the order of the events array: the instant, the
 * stage (255 when not a stage) and the booked interview instant (NaN when none).
 * Read in one sequential pass before the grouping below.
 */
export interface ParsedEvents {
  ms: Float64Array;
  stage: Uint8Array;
  interviewMs: Float64Array;
}

export function parseEvents(events: readonly StageEvent[]): ParsedEvents {
  const n = events.length;
  const parsed: ParsedEvents = { ms: new Float64Array(n), stage: new Uint8Array(n), interviewMs: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    const s = stageIndexOf(e.stage);
    parsed.stage[i] = s;
    if (s === UNKNOWN) continue;
    parsed.ms[i] = instantMs(e.at);
    parsed.interviewMs[i] = s === INTERVIEW_BOOKED && e.interviewAt ? instantMs(e.interviewAt) : NaN;
  }
  return parsed;
}

export function eventColumns(applications: readonly Application[], events: readonly StageEvent[]): EventColumns {
  const parsed = parseEvents(events);
  const appIndex = new Map<string, number>();
  applications.forEach((a, k) => appIndex.set(a.id, k));
  const n = events.length;
  const { ms: rawMs, stage: rawStage, interviewMs: rawInterview } = parsed;
  const owner = new Int32Array(n);
  const count = new Int32Array(applications.length + 1);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const k = rawStage[i] === UNKNOWN ? -1 : (appIndex.get(events[i]!.applicationId) ?? -1);
    owner[i] = k; // events of applications outside the report are left out
    if (k < 0) continue;
    count[k + 1]!++;
    kept++;
  }
  for (let k = 0; k < applications.length; k++) count[k + 1]! += count[k]!;
  const start = count.slice(0, applications.length);
  const fill = count.slice(0, applications.length);
  const event = new Int32Array(kept);
  const ms = new Float64Array(kept);
  const stage = new Uint8Array(kept);
  const interviewMs = new Float64Array(kept);
  const day = new Int32Array(kept);
  for (let i = 0; i < n; i++) {
    const k = owner[i]!;
    if (k < 0) continue;
    const j = fill[k]!++;
    event[j] = i;
    ms[j] = rawMs[i]!;
    day[j] = londonDayOfMs(rawMs[i]!);
    stage[j] = rawStage[i]!;
    interviewMs[j] = rawInterview[i]!;
  }
  const columns: EventColumns = { events, start, end: fill, event, ms, day, stage, interviewMs };
  for (let k = 0; k < applications.length; k++) fill[k] = sortAndDedupe(columns, start[k]!, fill[k]!);
  return columns;
}

/** Insertion sort of one application's short slice by instant then id; drops repeated ids. Returns the new end. */
function sortAndDedupe(c: EventColumns, from: number, to: number): number {
  const { event, ms, day, stage, interviewMs, events } = c;
  for (let i = from + 1; i < to; i++) {
    const xe = event[i]!;
    const xms = ms[i]!;
    const xs = stage[i]!;
    const xi = interviewMs[i]!;
    const xd = day[i]!;
    let j = i - 1;
    for (; j >= from; j--) {
      const yms = ms[j]!;
      if (xms > yms || (xms === yms && events[xe]!.id >= events[event[j]!]!.id)) break;
      event[j + 1] = event[j]!;
      ms[j + 1] = yms;
      stage[j + 1] = stage[j]!;
      interviewMs[j + 1] = interviewMs[j]!;
      day[j + 1] = day[j]!;
    }
    event[j + 1] = xe;
    ms[j + 1] = xms;
    stage[j + 1] = xs;
    interviewMs[j + 1] = xi;
    day[j + 1] = xd;
  }
  // Copies of one event share instant and id, so after sorting they sit side by side.
  let kept = from;
  for (let i = from; i < to; i++) {
    if (kept > from && ms[kept - 1] === ms[i] && events[event[kept - 1]!]!.id === events[event[i]!]!.id) continue;
    event[kept] = event[i]!;
    ms[kept] = ms[i]!;
    stage[kept] = stage[i]!;
    interviewMs[kept] = interviewMs[i]!;
    day[kept] = day[i]!;
    kept++;
  }
  return kept;
}
