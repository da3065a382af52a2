import { cohortRetention, type CohortRow } from '#shared/measures/index';
import { type Cohort, type Leaver, type Staff } from '#shared/schema/index';
import { upsert, type PlannedUpsert } from '#shared/staff/index';

export interface CohortView {
  row: CohortRow;
  members: Staff[];
}

/** Each cohort with its members and its completion and retention, as shared/measures counts them, cohort against cohort. */
export function cohortViews(data: { cohorts: readonly Cohort[]; staff: readonly Staff[]; leavers: readonly Leaver[] }, today: string): CohortView[] {
  return cohortRetention(data.cohorts, data.staff, data.leavers, today).map((row) => ({ row, members: data.staff.filter((s) => s.cohortId === row.cohortId) }));
}

/** Newly qualified staff (ASYE or ECF) in no cohort yet: who can join one. */
export const joinable = (staff: readonly Staff[]) => staff.filter((s) => !s.cohortId && (s.role === 'nqsw' || s.asyeStatus || s.ecf));

export interface CohortDraft {
  name: string;
  startMonth: string;
  programme: string;
  isControl: boolean;
}

export const cohortDraft = (): CohortDraft => ({ name: '', startMonth: '', programme: '', isControl: false });

/** The cohort a form writes; the record schema checks the month and text in the write. */
export const cohortChanges = (id: string, d: CohortDraft): PlannedUpsert[] => [upsert('cohorts', id, { name: d.name.trim(), startMonth: d.startMonth, programme: d.programme.trim(), isControl: d.isControl })];

export const joinChanges = (staffId: string, cohortId: string): PlannedUpsert[] => [upsert('staff', staffId, { cohortId })];

/** Completing the assessed year: the status and the date, which cohort completion at 12 months reads. */
export const completionChanges = (staffId: string, completedOn: string): PlannedUpsert[] => [upsert('staff', staffId, { asyeStatus: 'completed', asyeCompletedOn: completedOn })];
