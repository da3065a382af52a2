import { addMonths } from '../retention';
import { rate } from './statistics';
import { inPostOn, leftOn, type LeavingFacts, type StaffFacts } from './staff-in-post';
import type { Rate } from './types';

export interface CohortFacts {
  id: string;
  name: string;
  /** The first day of the cohort's programme. */
  startDate: string;
  programme?: string | null;
  /** A control group, against which a new programme's cohort is compared. */
  control?: boolean | null;
}

export interface CohortMemberFacts {
  cohortId: string;
  staffId: string;
  /** When the member completed the ASYE or Early Career Framework year, if they have. */
  completedDate?: string | null;
}

export const RETENTION_MONTHS = [12, 24, 36] as const;

export interface CohortRow {
  cohortId: string;
  name: string;
  programme: string | null;
  control: boolean;
  startDate: string;
  members: number;
  /** Share completed within 12 months of the start; null until 12 months have passed (or no members). */
  completedIn12: Rate;
  /** Share still in post (any team) 12, 24 and 36 months after the start; null until that date has passed. */
  retention: Record<(typeof RETENTION_MONTHS)[number], Rate>;
}

/** Completion and retention of each cohort, side by side (Hampshire's new programme against its control group). */
export function cohortRetention(
  cohorts: readonly CohortFacts[],
  members: readonly CohortMemberFacts[],
  staff: readonly Pick<StaffFacts, 'id' | 'startDate'>[],
  leavers: readonly LeavingFacts[],
  asOf: string,
): CohortRow[] {
  const left = leftOn(leavers);
  const staffOf = new Map(staff.map((s) => [s.id, s]));
  return [...cohorts]
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.name.localeCompare(b.name))
    .map((c) => {
      const mine = members.filter((m) => m.cohortId === c.id);
      const at = (months: number) => addMonths(c.startDate, months);
      const due = (months: number) => at(months) <= asOf;
      const retained = (months: number): Rate => {
        if (!due(months)) return null;
        const kept = mine.filter((m) => {
          const s = staffOf.get(m.staffId);
          return s !== undefined && inPostOn(s, left, at(months));
        }).length;
        return rate(kept, mine.length);
      };
      const completed = mine.filter((m) => m.completedDate && m.completedDate <= at(12)).length;
      return {
        cohortId: c.id,
        name: c.name,
        programme: c.programme ?? null,
        control: !!c.control,
        startDate: c.startDate,
        members: mine.length,
        completedIn12: due(12) ? rate(completed, mine.length) : null,
        retention: { 12: retained(12), 24: retained(24), 36: retained(36) },
      };
    });
}
