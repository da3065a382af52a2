/**
 * Independent, simple computations of the figures journeys.md promises, straight from the
 * records (not through shared/measures), so the demo data is checked on its own terms.
 */
import { workingDaysBetween, calendarDaysBetween, londonDateOf, addWorkingDays } from '#shared/calendar';
import type { DemoCouncil } from '#shared/demo/index';
import type { StageEvent } from '#shared/schema/index';

export function historyByApplication(data: DemoCouncil): Map<string, StageEvent[]> {
  const map = new Map<string, StageEvent[]>();
  for (const e of data.records.stage_events) {
    const list = map.get(e.applicationId) ?? [];
    list.push(e);
    map.set(e.applicationId, list);
  }
  for (const list of map.values()) list.sort((a, b) => (a.at < b.at ? -1 : 1));
  return map;
}

export const currentStage = (events: readonly StageEvent[] | undefined) => events?.[events.length - 1]?.stage;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export interface QuarterFigures {
  hires: number;
  medianTimeToHire: number;
  shortlistedOnTime: number;
  interviewedOnTime: number;
  offerAcceptance: number;
  declines: number;
}

/** Figures for the quarter [from, to] (dates of the deciding events). */
export function quarterFigures(data: DemoCouncil, from: string, to: string): QuarterFigures {
  const histories = historyByApplication(data);
  const apps = new Map(data.records.applications.map((a) => [a.id, a]));
  const vacancies = new Map(data.records.vacancies.map((v) => [v.id, v]));
  const inQ = (e: StageEvent) => {
    const d = londonDateOf(e.at);
    return d >= from && d <= to;
  };
  const tth: number[] = [];
  let decided = 0, decidedOnTime = 0, interviewed = 0, interviewedOnTime = 0, declines = 0;
  for (const [id, events] of histories) {
    const app = apps.get(id)!;
    const vacancy = vacancies.get(app.vacancyId)!;
    const ready = vacancy.mode === 'closing-date' && vacancy.closingDate && vacancy.closingDate > app.receivedDate ? vacancy.closingDate : app.receivedDate;
    const accepted = events.find((e) => e.stage === 'accepted');
    if (accepted && inQ(accepted)) tth.push(calendarDaysBetween(app.receivedDate, londonDateOf(accepted.at)));
    const decision = events.find((e, i) => i > 0 && events[i - 1]?.stage === 'applied' && (e.stage === 'shortlisted' || e.stage === 'rejected'));
    if (decision && inQ(decision)) {
      decided++;
      if (workingDaysBetween(ready, londonDateOf(decision.at)) <= data.settings.shortlistWorkingDays) decidedOnTime++;
    }
    const shortlisted = events.find((e) => e.stage === 'shortlisted');
    const interview = events.find((e) => e.stage === 'interviewed');
    if (shortlisted && interview && inQ(interview)) {
      interviewed++;
      if (workingDaysBetween(londonDateOf(shortlisted.at), londonDateOf(interview.at)) <= data.settings.interviewWorkingDays) interviewedOnTime++;
    }
    const offeredIdx = events.findIndex((e) => e.stage === 'offered');
    const after = offeredIdx >= 0 ? events[offeredIdx + 1] : undefined;
    if (after?.stage === 'withdrawn' && inQ(after)) declines++;
  }
  return {
    hires: tth.length,
    medianTimeToHire: median(tth),
    shortlistedOnTime: decidedOnTime / decided,
    interviewedOnTime: interviewedOnTime / interviewed,
    offerAcceptance: tth.length / (tth.length + declines),
    declines,
  };
}

export function withdrawalReasons(data: DemoCouncil): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of data.records.stage_events) if (e.stage === 'withdrawn' && e.reason) out[e.reason] = (out[e.reason] ?? 0) + 1;
  return out;
}

/** Working days a waiting application is overdue (positive) or has left (negative). */
export function shortlistingDue(data: DemoCouncil, applicationId: string): { due: string; overdueBy: number } {
  const app = data.records.applications.find((a) => a.id === applicationId)!;
  const vacancy = data.records.vacancies.find((v) => v.id === app.vacancyId)!;
  const ready = vacancy.mode === 'closing-date' && vacancy.closingDate && vacancy.closingDate > app.receivedDate ? vacancy.closingDate : app.receivedDate;
  const due = addWorkingDays(ready, data.settings.shortlistWorkingDays);
  return { due, overdueBy: workingDaysBetween(due, data.asOf) };
}
