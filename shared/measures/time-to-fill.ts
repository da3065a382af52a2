import { dayNumber, workingDaysBetweenDays } from '../calendar';
import type { Advert, Vacancy } from '../schema/recruitment';
import type { Division } from '../schema/primitives';
import type { ApplicationFacts } from './facts';
import { inPeriod, vacancyMatches } from './filters';
import { summarise } from './statistics';
import type { ReportFilters, Summary } from './types';

export interface TimeToFill {
  /** Vacancy opened (its opened date, else its first advert's posted date) -> first candidate started. */
  calendarDays: Summary;
  workingDays: Summary;
  /** Vacancies in scope that have opened but nobody has started yet. */
  unfilled: number;
}

/** Day the first candidate started, per vacancy, over every application given. */
export function firstStartByVacancy(facts: readonly ApplicationFacts[]): Map<string, number> {
  const firstStart = new Map<string, number>();
  for (const f of facts) {
    const started = f.firstDay.started;
    const id = f.application.vacancyId;
    if (started !== undefined && started < (firstStart.get(id) ?? Infinity)) firstStart.set(id, started);
  }
  return firstStart;
}

/**
 * Per vacancy, over vacancies matching the team and role filters whose opening falls in
 * the period (the period filter applies to the opened date here; the source filter does
 * not apply). `firstStart` must come from every application, not only the filtered ones
 * (firstStartByVacancy), so the first starter is found whatever their source.
 */
export function timeToFill(
  vacancies: readonly Vacancy[],
  adverts: readonly Advert[],
  firstStart: ReadonlyMap<string, number>,
  filters: ReportFilters,
  division: Division,
): TimeToFill {
  const firstPosted = new Map<string, string>();
  for (const a of adverts) {
    if (a.postedDate && (!firstPosted.has(a.vacancyId) || a.postedDate < firstPosted.get(a.vacancyId)!)) firstPosted.set(a.vacancyId, a.postedDate);
  }
  const cal: number[] = [];
  const work: number[] = [];
  let unfilled = 0;
  for (const v of vacancies) {
    const opened = v.openedDate ?? firstPosted.get(v.id);
    if (!opened || !vacancyMatches(v, filters) || ((filters.from || filters.to) && !inPeriod(opened, filters))) continue;
    if (v.status === 'draft' || v.status === 'cancelled') continue;
    const openedDay = dayNumber(opened);
    const started = firstStart.get(v.id);
    if (started === undefined) {
      unfilled++;
      continue;
    }
    cal.push(started - openedDay);
    work.push(workingDaysBetweenDays(openedDay, started, division));
  }
  return { calendarDays: summarise(cal), workingDays: summarise(work), unfilled };
}
