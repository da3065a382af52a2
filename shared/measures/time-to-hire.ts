import { dayNumber, workingDaysBetweenDays } from '../calendar';
import type { Advert } from '../schema/recruitment';
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

export function timeToHire(facts: readonly ApplicationFacts[], advertClosing: ReadonlyMap<string, number>, division: Division): TimeToHire {
  const cal: number[] = [];
  const work: number[] = [];
  const offerCal: number[] = [];
  const offerWork: number[] = [];
  for (const f of facts) {
    const accepted = f.firstDay.accepted;
    if (accepted !== undefined) {
      cal.push(accepted - f.receivedDay);
      work.push(workingDaysBetweenDays(f.receivedDay, accepted, division));
    }
    const offered = f.firstDay.offered;
    const closing = f.vacancy?.closingDate ? dayNumber(f.vacancy.closingDate) : f.vacancy && advertClosing.get(f.vacancy.id);
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
