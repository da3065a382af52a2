import type { Leaver, Staff } from '../schema/index';

/**
 * Who holds a post. A staff record names the post its person holds now (a transfer moves it);
 * a leaver record ends it: the leaving date is the last day in post.
 */
export function inPostOn(person: Pick<Staff, 'id' | 'startDate'>, leavers: readonly Pick<Leaver, 'staffId' | 'leavingDate'>[], date: string): boolean {
  if (person.startDate > date) return false;
  return !leavers.some((l) => l.staffId === person.id && l.leavingDate < date);
}

/** The person holding `postId` on `date`, or null when nobody does. */
export function holderOf(postId: string, staff: readonly Staff[], leavers: readonly Pick<Leaver, 'staffId' | 'leavingDate'>[], date: string): Staff | null {
  return staff.find((s) => s.postId === postId && inPostOn(s, leavers, date)) ?? null;
}
