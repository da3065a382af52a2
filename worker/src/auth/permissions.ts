import type { Mutation, SyncTable } from '#shared/schema/index';
import type { RowState } from '../db/records';
import type { AuthContext } from '../env';

/**
 * Who may do what. Organisation and user always come from the credential; every rule below
 * applies inside the caller's organisation only (records of other organisations are
 * invisible: they are never read, and a write with their id creates or changes a row of
 * the caller's own organisation, because every primary key is (org_id, id)).
 *
 * admin        users, tokens, settings, subject access export and erasure (/v1/admin/*);
 *              may read everything (pull, /v1/me, reports). May NOT push changes to
 *              recruitment data: that needs a working account.
 * central,
 * coordinator  push every op (upsert, delete, erase) on every synced table; read everything.
 *              No /v1/admin/* routes.
 * manager      read everything in the organisation (pull, reports). Push only:
 *              - stage_events upserts (new events) with stage shortlisted, rejected,
 *                interview_booked or interviewed, recorded `by` themselves, for an
 *                application that is assigned to them (`assignedTo` = their user id) or that
 *                falls in a scope they are on the rota for: a rota slot of theirs, not
 *                deleted, for the week (Monday, Europe/London) of the event's `at` or of
 *                today, with a duty that fits the stage (shortlisting: shortlisted,
 *                rejected, interview_booked; interviewing: interview_booked, interviewed,
 *                rejected) and a scope that covers the application (whole council, the
 *                application's vacancy, or one of that vacancy's teams);
 *              - rota_slots upserts and deletes of their own slots (managerId = their id,
 *                both before and after the change).
 *              Everything else is refused with 403 naming the mutation and the reason.
 */
export type Role = AuthContext['role'];

export const PUSH_ROLES: readonly Role[] = ['central', 'coordinator', 'manager'];
export const ADMIN_ROLES: readonly Role[] = ['admin'];

export const MANAGER_STAGE_DUTIES: Record<string, readonly ('shortlisting' | 'interviewing')[]> = {
  shortlisted: ['shortlisting'],
  rejected: ['shortlisting', 'interviewing'],
  interview_booked: ['shortlisting', 'interviewing'],
  interviewed: ['interviewing'],
};

export interface PermissionView {
  auth: AuthContext;
  /** Monday (YYYY-MM-DD, Europe/London) of the current week. */
  thisWeek: string;
  get(table: SyncTable, id: string): RowState | null | undefined;
  /** The caller's rota slots known to this push (loaded and created in it). */
  mySlots(): RowState[];
}

/** Why a mutation is refused, or null when it is allowed. `fields` are the validated fields. */
export function refusal(m: Mutation, fields: Record<string, unknown>, v: PermissionView): string | null {
  const { role, userId } = v.auth;
  if (role === 'central' || role === 'coordinator') return null;
  if (role === 'admin') return 'admins manage users, tokens and settings and may read; changing recruitment data needs a central, coordinator or manager account';

  // manager
  if (m.table === 'rota_slots') {
    if (m.op === 'erase') return 'erase applies to applications only';
    const existing = v.get('rota_slots', m.recordId);
    if (existing && existing.data.managerId !== userId) return 'managers may change only their own rota slots';
    if (m.op === 'delete') return existing ? null : 'managers may delete only their own existing rota slots';
    if ('managerId' in fields && fields.managerId !== userId) return 'managers may put only themselves on the rota (managerId must be your user id)';
    return null;
  }
  if (m.table === 'stage_events' && m.op === 'upsert') {
    const stage = String(fields.stage ?? '');
    const duties = MANAGER_STAGE_DUTIES[stage];
    if (!duties) return `managers may record only ${Object.keys(MANAGER_STAGE_DUTIES).join(', ')} events, not ${stage || 'this stage'}`;
    if (fields.by !== userId) return 'managers may record events only in their own name (by must be your user id)';
    const appId = String(fields.applicationId ?? '');
    const app = v.get('applications', appId);
    if (!app || app.deleted) return `application ${appId} is not in your organisation`;
    if (app.data.assignedTo === userId) return null;
    const vacancyId = app.data.vacancyId as string | undefined;
    const vacancy = vacancyId ? v.get('vacancies', vacancyId) : null;
    const teamIds = new Set((vacancy?.data.teamIds as string[] | undefined) ?? []);
    const weeks = new Set([v.thisWeek, mondayOf(String(fields.at ?? ''))]);
    const onRota = v.mySlots().some((s) => {
      const d = s.data;
      if (s.deleted || d.managerId !== userId || !weeks.has(String(d.week)) || !duties.includes(d.duty as 'shortlisting')) return false;
      if (!d.teamId && !d.vacancyId) return true;
      return (d.vacancyId != null && d.vacancyId === vacancyId) || (d.teamId != null && teamIds.has(String(d.teamId)));
    });
    return onRota
      ? null
      : `application ${appId} is neither assigned to you nor in a scope you are on the ${duties.join(' or ')} rota for in the week of the event`;
  }
  return `managers may push only stage events (shortlisting and interview decisions) and their own rota slots, not ${m.op} on ${m.table}`;
}

/** Monday of the week of an instant or date, as a Europe/London calendar date. */
export function mondayOf(isoDateOrTime: string): string {
  const t = Date.parse(isoDateOrTime.length === 10 ? `${isoDateOrTime}T12:00:00Z` : isoDateOrTime);
  if (Number.isNaN(t)) return '';
  const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(t));
  const d = new Date(`${london}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}
