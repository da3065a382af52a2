/**
 * Date helpers for the generator, on top of shared/calendar (working days: Monday to Friday,
 * England and Wales bank holidays), so "overdue by 1 working day" in the demo means what the
 * overlay will compute.
 */
import { addDays, addWorkingDays, calendarDaysBetween, dayNumber, isWorkingDay, mondayOf, quarterStart, weekdayOf, workingDaysBetween } from '../shared/calendar';

export { addDays, addWorkingDays, calendarDaysBetween, dayNumber, isWorkingDay, mondayOf, quarterStart, weekdayOf, workingDaysBetween };

/** The n-th working day before `date` (n >= 1). */
export function subtractWorkingDays(date: string, n: number): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, -1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** `date` itself when it is a working day, else the working day before it. */
export function workingDayOnOrBefore(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, -1);
  return d;
}

/** `date` itself when it is a working day, else the next one. */
export const workingDayOnOrAfter = (date: string) => addWorkingDays(date, 0);

/** Same day of month `months` earlier or later, clamped to the month's end. */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), lastDay);
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** First day of the month after `date`'s month. */
export const nextMonthStart = (date: string) => addMonths(`${date.slice(0, 7)}-01`, 1);

/** ISO instant on a date at a UK office time; minutes after 08:00 UTC keep the London date. */
export function at(date: string, minutesAfter8: number): string {
  const m = Math.max(0, Math.min(minutesAfter8, 9 * 60 + 59));
  const hh = String(8 + Math.floor(m / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}:00Z`;
}

/** Epoch milliseconds of a date at midday UTC (for UUID timestamps). */
export const dateMs = (date: string) => dayNumber(date) * 86_400_000 + 43_200_000;
export const instantMs = (iso: string) => Date.parse(iso);

export const minDate = (a: string, b: string) => (a < b ? a : b);
export const maxDate = (a: string, b: string) => (a > b ? a : b);
