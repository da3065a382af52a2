import type { CaseloadWeek, Cohort, ExitInterview, Incentive, Leaver, Staff, StayConversation, Transfer, UserRole } from '#shared/schema/index';
import { staffName } from '#shared/names';
import type { ShortlistDb } from '@/db/database';
import { getSession } from '@/sync/session';
import { loadCentralData, type CentralData } from '../central-team/data';

/** The central data plus the retention tables (issue 16) and who is looking. */
export interface RetentionData extends CentralData {
  staff: Staff[];
  leavers: Leaver[];
  exitInterviews: ExitInterview[];
  stayConversations: StayConversation[];
  transfers: Transfer[];
  incentives: Incentive[];
  cohorts: Cohort[];
  caseloadWeeks: CaseloadWeek[];
  role: UserRole | null;
}

export async function loadRetentionData(db: ShortlistDb, now = new Date()): Promise<RetentionData> {
  // Every read starts before the first await (see loadCentralData): loadCentralData starts its own synchronously.
  const [central, staff, leavers, exitInterviews, stayConversations, transfers, incentives, cohorts, caseloadWeeks, session] = await Promise.all([
    loadCentralData(db, now),
    db.staff.toArray(),
    db.leavers.toArray(),
    db.exit_interviews.toArray(),
    db.stay_conversations.toArray(),
    db.transfers.toArray(),
    db.incentives.toArray(),
    db.cohorts.toArray(),
    db.caseload_weeks.toArray(),
    getSession(),
  ]);
  return {
    ...central,
    staff: staff.sort((a, b) => staffName(a).localeCompare(staffName(b))),
    leavers,
    exitInterviews,
    stayConversations,
    transfers,
    incentives,
    cohorts,
    caseloadWeeks,
    role: session?.me.user.role ?? null,
  };
}
