import { addDays, mondayOf } from '#shared/calendar';
import { DUTIES, type Duty, type RotaSlot } from '#shared/schema/index';

export interface RotaWeek {
  week: string;
  byDuty: Record<Duty, RotaSlot[]>;
  /** Nobody on shortlisting duty: applications that week wait. */
  noShortlister: boolean;
}

/** Weeks from `firstWeek` for `count` weeks, each with its slots by duty. */
export function rotaWeeks(slots: readonly RotaSlot[], asOf: string, before: number, after: number): RotaWeek[] {
  const thisWeek = mondayOf(asOf);
  const weeks: RotaWeek[] = [];
  for (let i = -before; i <= after; i++) {
    const week = addDays(thisWeek, i * 7);
    const mine = slots.filter((s) => mondayOf(s.week) === week);
    const byDuty = Object.fromEntries(DUTIES.map((d) => [d, mine.filter((s) => s.duty === d)])) as Record<Duty, RotaSlot[]>;
    weeks.push({ week, byDuty, noShortlister: byDuty.shortlisting.length === 0 });
  }
  return weeks;
}

/** The two writes that swap two slots' managers (each slot keeps its week, duty and scope). */
export function swapManagers(a: RotaSlot, b: RotaSlot): Array<{ id: string; managerId: string }> {
  return [
    { id: a.id, managerId: b.managerId },
    { id: b.id, managerId: a.managerId },
  ];
}

/** A rota slot's scope as one select value: '' (whole council), `team:<id>` or `vacancy:<id>`. */
export function scopeFields(value: string): { teamId: string | null; vacancyId: string | null } {
  if (value.startsWith('team:')) return { teamId: value.slice(5), vacancyId: null };
  if (value.startsWith('vacancy:')) return { teamId: null, vacancyId: value.slice(8) };
  return { teamId: null, vacancyId: null };
}
