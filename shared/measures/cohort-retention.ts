import { addMonths } from '../retention';
import type { Cohort, Staff } from '../schema/retention';
import { rate } from './statistics';
import { inPostForCensus, leftOn, type LeavingFacts } from './staff-in-post';
import type { Rate } from './types';

export type CohortFacts = Pick<Cohort, 'id' | 'name' | 'startMonth' | 'programme' | 'isControl'>;
/** Members are the staff whose cohortId names the cohort; `asyeCompletedOn` says when they completed. */
export type CohortMemberFacts = Pick<Staff, 'id' | 'startDate' | 'cohortId' | 'asyeCompletedOn'>;

export const RETENTION_MONTHS = [12, 24, 36] as const;

export interface CohortRow {
  cohortId: string;
  name: string;
  programme: string;
  control: boolean;
  /** The first day of the start month: 12, 24 and 36 months are counted from it. */
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
  leavers: readonly Pick<LeavingFacts, 'staffId' | 'leavingDate'>[],
  asOf: string,
): CohortRow[] {
  const left = leftOn(leavers);
  return [...cohorts]
    .sort((a, b) => a.startMonth.localeCompare(b.startMonth) || a.name.localeCompare(b.name))
    .map((c) => {
      const startDate = `${c.startMonth}-01`;
      const mine = members.filter((m) => m.cohortId === c.id);
      const at = (months: number) => addMonths(startDate, months);
      const due = (months: number) => at(months) <= asOf;
      const retained = (months: number): Rate => {
        if (!due(months)) return null;
        const kept = mine.filter((m) => inPostForCensus(m, left, at(months))).length;
        return rate(kept, mine.length);
      };
      const completed = mine.filter((m) => m.asyeCompletedOn && m.asyeCompletedOn <= at(12)).length;
      return {
        cohortId: c.id,
        name: c.name,
        programme: c.programme,
        control: c.isControl,
        startDate,
        members: mine.length,
        completedIn12: due(12) ? rate(completed, mine.length) : null,
        retention: { 12: retained(12), 24: retained(24), 36: retained(36) },
      };
    });
}
