import { instantMs } from '../calendar';
import type { Application } from '../schema/recruitment';
import { STAGES, type StageEvent } from '../schema/stage';

/**
 * Stage events laid out for a report: one sequential pass reads what the measures need
 * from each event into typed columns, then a counting sort groups them by application.
 * Walking 100,000 event objects scattered in memory once per application was the main
 * cost of a report; this keeps that to a single pass in the order they are stored.
 */
export interface EventColumns {
  events: readonly StageEvent[];
  /** Application k's events are order[start[k]] .. order[end[k] - 1], in history order. */
  start: Int32Array;
  end: Int32Array;
  order: Int32Array;
  ms: Float64Array;
  /** Index into STAGES. */
  stage: Uint8Array;
  /** Booked interview instant of interview_booked events, else NaN. */
  interviewMs: Float64Array;
}

const UNKNOWN = 255;

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
const INTERVIEW_BOOKED = STAGES.indexOf('interview_booked');

export function eventColumns(applications: readonly Application[], events: readonly StageEvent[]): EventColumns {
  const appIndex = new Map<string, number>();
  applications.forEach((a, k) => appIndex.set(a.id, k));
  const n = events.length;
  const ms = new Float64Array(n);
  const stage = new Uint8Array(n);
  const interviewMs = new Float64Array(n).fill(NaN);
  const owner = new Int32Array(n);
  const count = new Int32Array(applications.length + 1);
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    const k = appIndex.get(e.applicationId) ?? -1;
    owner[i] = k;
    if (k < 0) continue; // an event of an application outside the report
    const s = stageIndexOf(e.stage);
    stage[i] = s;
    ms[i] = instantMs(e.at);
    if (s === INTERVIEW_BOOKED && e.interviewAt) interviewMs[i] = instantMs(e.interviewAt);
    count[k + 1]!++;
  }
  const start = new Int32Array(applications.length);
  const end = new Int32Array(applications.length);
  for (let k = 0; k < applications.length; k++) count[k + 1]! += count[k]!;
  const order = new Int32Array(count[applications.length]!);
  const fill = count.slice(0, applications.length);
  for (let i = 0; i < n; i++) {
    const k = owner[i]!;
    if (k >= 0 && stage[i] !== UNKNOWN) order[fill[k]!++] = i;
  }
  for (let k = 0; k < applications.length; k++) {
    start[k] = count[k]!;
    end[k] = sortAndDedupe(order, count[k]!, fill[k]!, ms, events);
  }
  return { events, start, end, order, ms, stage, interviewMs };
}

/** Insertion sort of a short slice by instant then id (as stages.ts orders events); drops repeated ids. Returns the new end. */
function sortAndDedupe(order: Int32Array, from: number, to: number, ms: Float64Array, events: readonly StageEvent[]): number {
  for (let i = from + 1; i < to; i++) {
    const x = order[i]!;
    const xms = ms[x]!;
    let j = i - 1;
    for (; j >= from; j--) {
      const y = order[j]!;
      const yms = ms[y]!;
      if (xms > yms || (xms === yms && events[x]!.id >= events[y]!.id)) break;
      order[j + 1] = y;
    }
    order[j + 1] = x;
  }
  let kept = from;
  for (let i = from; i < to; i++) {
    const x = order[i]!;
    if (kept > from) {
      const prev = order[kept - 1]!;
      if (ms[prev] === ms[x] && events[prev]!.id === events[x]!.id) continue;
    }
    order[kept++] = x;
  }
  return kept;
}
