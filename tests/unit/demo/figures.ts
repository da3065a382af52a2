/**
 * Simple, independent computations over the demo records (not through shared/measures), so
 * the data is checked on its own terms: histories, due dates and intake-quarter figures.
 */
import { addWorkingDays, calendarDaysBetween, londonDateOf, workingDaysBetween } from '#shared/calendar';
import type { DemoCouncil } from '#demo/index';
import type { Application, StageEvent, Vacancy } from '#shared/schema/index';

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

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Received date for rolling vacancies, closing date for closing-date ones (domain.md). */
export function ready(app: Application, vacancy: Vacancy): string {
  return vacancy.mode === 'closing-date' && vacancy.closingDate && vacancy.closingDate > app.receivedDate ? vacancy.closingDate : app.receivedDate;
}

/** Shortlisting due date and how many working days past it asOf is (negative: days left). */
export function shortlistingDue(data: DemoCouncil, applicationId: string): { due: string; overdueBy: number } {
  const app = data.records.applications.find((a) => a.id === applicationId)!;
  const vacancy = data.records.vacancies.find((v) => v.id === app.vacancyId)!;
  const due = addWorkingDays(ready(app, vacancy), data.settings.shortlistWorkingDays);
  return { due, overdueBy: workingDaysBetween(due, data.asOf) };
}

/** Median time to hire (calendar days, received -> accepted) of applications received in [from, to]. */
export function cohortTimeToHire(data: DemoCouncil, from: string, to: string): { hires: number; median: number } {
  const histories = historyByApplication(data);
  const days: number[] = [];
  for (const app of data.records.applications) {
    if (app.receivedDate < from || app.receivedDate > to) continue;
    const accepted = histories.get(app.id)?.find((e) => e.stage === 'accepted');
    if (accepted) days.push(calendarDaysBetween(app.receivedDate, londonDateOf(accepted.at)));
  }
  return { hires: days.length, median: median(days) };
}

export function withdrawalReasons(data: DemoCouncil): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of data.records.stage_events) if (e.stage === 'withdrawn' && e.reason) out[e.reason] = (out[e.reason] ?? 0) + 1;
  return out;
}
