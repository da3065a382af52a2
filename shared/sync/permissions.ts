import type { Duty, Mutation, Settings } from '../schema/index';
import type { Caller, PeopleLookup } from './people';
import { managerRetentionRefusal, stayConversationRefusal } from './retention-permissions';
import type { RowLookup, SyncRow } from './rows';
import { managesTeam } from './ownership';

/**
 * Who may push what (worker/src/auth/permissions.ts documents the roles as a whole). Every rule
 * applies inside the caller's organisation only: the rows and people a decision sees are that
 * organisation's.
 *
 * central, coordinator  every op on every synced table (references and stage-history rules
 *                       still apply to them: shared/sync/references.ts, stage-history.ts).
 * admin                 nothing: recruitment data needs a working account.
 * manager               - stage events shortlisted, rejected, interview_booked, interviewed for
 *                         an application assigned to them (`assignedTo`, set by a coordinator),
 *                         or covered by a rota slot someone else gave them (`givenBy` is not
 *                         them) for the week of the event or of today, with a duty that fits the
 *                         stage, or, when the council allows it (settings.managersDecideOwnTeam),
 *                         to a vacancy of a team they manage (team.managerId);
 *                       - on their own existing rota slots: hand back (delete) or swap (give to
 *                         another active manager: `managerId` is the only field they may change).
 *                         Creating slots, or changing their week, duty or scope, is for
 *                         coordinators and the central team: otherwise a manager could put
 *                         themselves on duty for the whole council and decide anything;
 *                       - leavers, transfers, post cover and draft vacancies of teams they manage
 *                         (shared/sync/retention-permissions.ts).
 * Stay conversations    their holder and admins only, whatever the role (retention-permissions.ts).
 */
export interface PermissionView {
  caller: Caller;
  /** Monday (YYYY-MM-DD, Europe/London) of the current week. */
  thisWeek: string;
  settings: Pick<Settings, 'managersDecideOwnTeam'>;
  rows: RowLookup;
  people: PeopleLookup;
}

export const MANAGER_STAGE_DUTIES: Record<string, readonly Duty[]> = {
  shortlisted: ['shortlisting'],
  rejected: ['shortlisting', 'interviewing'],
  interview_booked: ['shortlisting', 'interviewing'],
  interviewed: ['interviewing'],
};

const ADMIN_REFUSAL = 'admins manage users, tokens and settings and may read; changing recruitment data needs a central, coordinator or manager account';

/** Why a mutation is refused, or null when it is allowed. `fields` are the validated fields. */
export function roleRefusal(m: Mutation, fields: Record<string, unknown>, v: PermissionView): string | null {
  const { role } = v.caller;
  // Confidential whatever the role: shared/sync/retention-permissions.ts.
  if (m.table === 'stay_conversations') return stayConversationRefusal(m, fields, v);
  if (role === 'central' || role === 'coordinator') return null;
  if (role === 'admin') return ADMIN_REFUSAL;
  if (m.table === 'rota_slots') return managerSlotRefusal(m, fields, v);
  if (m.table === 'stage_events' && m.op === 'upsert') return managerDecisionRefusal(fields, v);
  const retention = managerRetentionRefusal(m, fields, v);
  if (retention !== undefined) return retention;
  return `managers may push only stage events (shortlisting and interview decisions), hand back or swap their own rota slots, and record leavers and transfers of their own teams, not ${m.op} on ${m.table}`;
}

function managerSlotRefusal(m: Mutation, fields: Record<string, unknown>, v: PermissionView): string | null {
  const { userId } = v.caller;
  const existing = v.rows.get('rota_slots', m.recordId);
  if (!existing || existing.deleted) {
    return 'coordinators and the central team put managers on the rota; a manager may hand back (delete) or swap (give to another manager) only a slot of their own';
  }
  if (existing.data.managerId !== userId) return 'managers may change only their own rota slots';
  if (m.op === 'delete') return null;
  const other = Object.keys(fields).filter((k) => k !== 'managerId' && k !== 'givenBy');
  if (other.length) return `managers may only hand a slot of theirs to another manager (managerId), not change its ${other.join(', ')}`;
  const to = String(fields.managerId ?? userId);
  if (to === userId) return null;
  const person = v.people(to);
  if (!person || person.role !== 'manager' || !person.active) return `a rota slot can be handed only to an active manager of your organisation, and ${to} is not one`;
  return null;
}

function managerDecisionRefusal(fields: Record<string, unknown>, v: PermissionView): string | null {
  const { userId } = v.caller;
  const stage = String(fields.stage);
  const duties = MANAGER_STAGE_DUTIES[stage];
  if (!duties) return `managers may record only ${Object.keys(MANAGER_STAGE_DUTIES).join(', ')} events, not ${stage}`;
  const appId = String(fields.applicationId);
  const app = v.rows.get('applications', appId);
  if (!app || app.deleted) return `application ${appId} is not in your organisation`;
  if (app.data.assignedTo === userId) return null;
  const vacancy = vacancyOf(app, v.rows);
  const teamIds = (vacancy?.data.teamIds as string[] | undefined) ?? [];
  if (v.settings.managersDecideOwnTeam && teamIds.some((t) => managesTeam(v.rows.get('teams', t)?.data, userId))) return null;
  const weeks = new Set([v.thisWeek, mondayOf(String(fields.at))]);
  const covered = v.rows.all('rota_slots').some((s) => {
    const d = s.data;
    if (s.deleted || d.managerId !== userId || !weeks.has(String(d.week)) || !duties.includes(d.duty as Duty)) return false;
    // Only a slot someone else gave counts: one a manager gave themselves is no mandate.
    if (typeof d.givenBy !== 'string' || d.givenBy === userId) return false;
    if (!d.teamId && !d.vacancyId) return true;
    return (d.vacancyId != null && d.vacancyId === vacancy?.id) || (d.teamId != null && teamIds.includes(String(d.teamId)));
  });
  if (covered) return null;
  const own = v.settings.managersDecideOwnTeam ? ', nor a vacancy of a team you manage' : '';
  return `application ${appId} is neither assigned to you nor in a scope a coordinator put you on the ${duties.join(' or ')} rota for in the week of the event${own}`;
}

const vacancyOf = (app: SyncRow, rows: RowLookup) => {
  const id = app.data.vacancyId;
  return typeof id === 'string' ? rows.get('vacancies', id) : null;
};

/** Made once: building a formatter with a time zone costs far more than formatting with it (each push calls mondayOf). */
let londonDate: Intl.DateTimeFormat | undefined;

/** Monday of the week of an instant or date, as a Europe/London calendar date ('' when unreadable). */
export function mondayOf(isoDateOrTime: string): string {
  const t = Date.parse(isoDateOrTime.length === 10 ? `${isoDateOrTime}T12:00:00Z` : isoDateOrTime);
  if (Number.isNaN(t)) return '';
  londonDate ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
  const london = londonDate.format(new Date(t));
  const d = new Date(`${london}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}
