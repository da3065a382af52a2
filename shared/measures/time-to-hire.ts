import { dayNumber, workingDaysBetweenDays } from '../calendar';
import type { Advert, Vacancy } from '../schema/recruitment';
import type { Division } from '../schema/primitives';
import type { ApplicationFacts } from './facts';
import { summarise } from './statistics';
import type { Summary } from './types';

export interface TimeToHire {
  /** Application received -> offer accepted (first acceptance), over applications that reached Accepted. */
  calendarDays: Summary;
  workingDays: Summary;
  /**
   * Civil-service variant: advert closing date -> offer made, over applications with an
   * offer whose vacancy has a closing date (the vacancy's, else its latest advert's).
   * An offer made before closing (an early strong candidate) counts as 0 days.
   */
  closingToOffer: { calendarDays: Summary; workingDays: Summary };
}

/** Days from received to accepted, or null if never accepted. */
export const daysToHire = (f: ApplicationFacts): number | null =>
  f.firstDay.accepted === undefined ? null : f.firstDay.accepted - f.receivedDay;

export function closingDaysByVacancy(adverts: readonly Advert[]): Map<string, number> {
  const latest = new Map<string, number>();
  for (const a of adverts) {
    if (!a.closingDate) continue;
    const day = dayNumber(a.closingDate);
    if (day > (latest.get(a.vacancyId) ?? -Infinity)) latest.set(a.vacancyId, day);
  }
  return latest;
}

/** Closing day per vacancy: its own closing date, else its latest advert's; vacancies with neither are left out. */
export function closingDayByVacancy(vacancies: readonly Vacancy[], adverts: readonly Advert[]): Map<string, number> {
  const advertClosing = closingDaysByVacancy(adverts);
  const out = new Map<string, number>();
  for (const v of vacancies) {
    const day = v.closingDate ? dayNumber(v.closingDate) : advertClosing.get(v.id);
    if (day !== undefined) out.set(v.id, day);
  }
  return out;
}

/** `closingDay` from closingDayByVacancy over the same vacancies as the facts'. */
export function timeToHire(facts: readonly ApplicationFacts[], closingDay: ReadonlyMap<string, number>, division: Division): TimeToHire {
  const cal: number[] = [];
  const work: number[] = [];
  const offerCal: number[] = [];
  const offerWork: number[] = [];
  for (const f of facts) {
    const accepted = f.firstDay.accepted;
    if (accepted !== undefined) {
      cal.push(accepted - f.receivedDay);
      work.push(f.acceptedWorkingDays!);
    }
    const offered = f.firstDay.offered;
    const closing = offered === undefined || !f.vacancy ? undefined : closingDay.get(f.vacancy.id);
    if (offered !== undefined && closing !== undefined) {
      offerCal.push(Math.max(0, offered - closing));
      offerWork.push(Math.max(0, workingDaysBetweenDays(closing, offered, division)));
    }
  }
  return {
    calendarDays: summarise(cal),
    workingDays: summarise(work),
    closingToOffer: { calendarDays: summarise(offerCal), workingDays: summarise(offerWork) },
  };
}
