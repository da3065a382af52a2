import type { AuditEntryView } from '#shared/api/index';
import { formatDay, londonDateOf, yearOfDay, dayNumber } from '#shared/calendar';
import { CHECK_LABELS, REASON_LABELS, ROLE_LABELS, STAGE_LABELS, type Stage } from '#shared/schema/index';
import { ROLE_NAMES } from '../roles';
import type { AuditRecords } from './auditRecords';

/**
 * The audit trail in words: "Tom Okafor moved Ben Francis from Applied to Shortlisted, 2 Dec
 * 10:14". The trail keeps who, when, the record's id and the names of the fields changed; the
 * rest (candidate's name, stages, titles) comes from what this browser holds, so an erased
 * candidate is never named: the server has nothing of theirs and neither has the browser.
 */

/** One line of the trail: an entry, with the erasure entries of the same erasure folded into it. */
export interface AuditItem {
  entry: AuditEntryView;
  /** For an application's erasure: the stage events and checks whose notes it removed. */
  alsoErased: { stageEvents: number; checks: number };
}

const CHILD_TABLES = new Set(['stage_events', 'checks']);

/**
 * Groups an erasure: its entries (the application's, then one per stage event and check whose
 * note it removed) share the instant and the user, and read as one line. The trail is newest
 * first and the children were written after the application, so they come before it.
 */
export function foldErasures(entries: readonly AuditEntryView[]): AuditItem[] {
  const items: AuditItem[] = [];
  let pending: AuditEntryView[] = [];
  const flush = () => {
    for (const e of pending) items.push({ entry: e, alsoErased: { stageEvents: 0, checks: 0 } });
    pending = [];
  };
  for (const e of entries) {
    if (e.action === 'erase' && e.table && CHILD_TABLES.has(e.table)) {
      if (pending.length && (pending[0]!.at !== e.at || pending[0]!.userId !== e.userId)) flush();
      pending.push(e);
      continue;
    }
    if (e.action === 'erase' && e.table === 'applications' && pending.length && pending[0]!.at === e.at && pending[0]!.userId === e.userId) {
      items.push({
        entry: e,
        alsoErased: { stageEvents: pending.filter((p) => p.table === 'stage_events').length, checks: pending.filter((p) => p.table === 'checks').length },
      });
      pending = [];
      continue;
    }
    flush();
    items.push({ entry: e, alsoErased: { stageEvents: 0, checks: 0 } });
  }
  flush();
  return items;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
let clock: Intl.DateTimeFormat | undefined;

/** "2 Dec 10:14" in Europe/London; the year is added when it is not the current one. */
export function auditTime(at: string, now: Date = new Date()): string {
  const date = londonDateOf(at);
  clock ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = yearOfDay(dayNumber(date));
  const thisYear = yearOfDay(dayNumber(londonDateOf(now)));
  return `${d} ${MONTHS[m - 1]}${year === thisYear ? '' : ` ${year}`} ${clock.format(new Date(at))}`;
}

/** Words for field names, where splitting the name would not do. */
const FIELD_WORDS: Record<string, string> = {
  atsReference: 'ATS reference',
  atsUrl: 'ATS link',
  assignedTo: 'assigned manager',
  vacancyId: 'vacancy',
  teamId: 'team',
  teamIds: 'teams',
  managerId: 'manager',
  applicationId: 'application',
  fte: 'FTE',
  gradeText: 'grade',
  plannedShortlistDate: 'planned shortlisting date',
  yearsQualified: 'years qualified',
  teamPreference: 'team preference',
  interviewAt: 'interview time',
  notApplicable: 'not-applicable mark',
  // A check's dates.
  requested: 'requested date',
  received: 'received date',
  cleared: 'cleared date',
  // The council's rules (update_settings lists the settings it was sent).
  division: 'bank holidays',
  shortlistWorkingDays: 'shortlisting target',
  interviewWorkingDays: 'interview target',
  stageTargets: 'stage targets',
  retentionMonths: 'retention of rejected and withdrawn candidates',
  hiredRetentionMonths: 'retention of hires',
  auditRetentionMonths: 'retention of the audit trail',
  changeLogRetentionDays: 'retention of the change log',
  activeClientDays: 'active-browser period',
  managersDecideOwnTeam: 'own-team decisions',
  active: 'active status',
};

export const fieldWords = (field: string) => FIELD_WORDS[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const fieldsOf = (entry: AuditEntryView) => listWords((entry.fields ?? []).filter((f) => f !== 'id').map(fieldWords));

/** Who did it: the user's name now, else the person list's, else that they are gone. */
export function actorOf(entry: AuditEntryView, records: AuditRecords): string {
  if (entry.userName) return entry.userName;
  if (entry.userId) return records.people.get(entry.userId)?.name ?? 'A removed user';
  return 'Shortlist';
}

/** A candidate as the trail may name them: by name only while this browser holds it. */
function candidate(records: AuditRecords, applicationId: string | null | undefined): string {
  const a = applicationId ? records.applications.get(applicationId) : undefined;
  if (!a) return 'a candidate';
  return a.erased || !a.name ? 'an erased candidate' : a.name;
}
const possessive = (who: string) => (who.startsWith('a ') || who.startsWith('an ') ? `the application of ${who}` : `${who}’s application`);

function vacancyName(records: AuditRecords, id: string | null | undefined): string | null {
  return (id && records.vacancies.get(id)?.title) || null;
}

function stageEventWords(entry: AuditEntryView, records: AuditRecords): string {
  const e = entry.recordId ? records.stageEvents.get(entry.recordId) : undefined;
  if (!e) return entry.action === 'create' ? 'recorded a stage change of a candidate' : `${entry.action === 'delete' ? 'deleted' : 'changed'} a stage change of a candidate`;
  const who = candidate(records, e.applicationId);
  if (entry.action !== 'create') return `changed the ${fieldsOf(entry) || 'details'} of a stage change of ${who}`;
  const reason = e.reason ? ` (${REASON_LABELS[e.reason]})` : '';
  if (e.stage === 'rejected') return `rejected ${who}${reason}`;
  if (e.stage === 'withdrawn') return `recorded that ${who} withdrew${reason}`;
  if (e.stage === 'interview_booked') return `booked an interview for ${who}`;
  const from = previousStage(records, e.applicationId, e.id);
  return from && from !== e.stage ? `moved ${who} from ${STAGE_LABELS[from]} to ${STAGE_LABELS[e.stage]}` : `recorded ${who} as ${STAGE_LABELS[e.stage]}`;
}

/** The stage an application was in just before the event (null for its first event). */
function previousStage(records: AuditRecords, applicationId: string, eventId: string): Stage | null {
  const history = records.events.get(applicationId) ?? [];
  const at = history.findIndex((t) => t.event.id === eventId);
  return at > 0 ? history[at - 1]!.event.stage : null;
}

function applicationWords(item: AuditItem, records: AuditRecords): string {
  const { entry, alsoErased } = item;
  if (entry.action === 'erase') {
    const notes = [alsoErased.stageEvents && plural(alsoErased.stageEvents, 'stage change'), alsoErased.checks && plural(alsoErased.checks, 'check')].filter(Boolean) as string[];
    return `erased a candidate${notes.length ? ` and the notes of ${listWords(notes)}` : ''}`;
  }
  const who = candidate(records, entry.recordId);
  const app = entry.recordId ? records.applications.get(entry.recordId) : undefined;
  if (entry.action === 'create') {
    const vacancy = vacancyName(records, app?.vacancyId);
    return `added ${possessive(who)}${vacancy ? ` to ${vacancy}` : ''}`;
  }
  if (entry.action === 'delete') return `deleted ${possessive(who)}`;
  if (entry.action === 'export') return `exported everything held about ${who}`;
  if (entry.action === 'subject_access') return `answered a subject-access request for ${who}${byKey(entry)}`;
  return `changed the ${fieldsOf(entry) || 'details'} of ${who}`;
}

const byKey = (entry: AuditEntryView) => (entry.fields?.[0] ? ` (found by ${entry.fields[0] === 'reference' ? 'ATS reference' : entry.fields[0]})` : '');

function checkWords(entry: AuditEntryView, records: AuditRecords): string {
  const check = entry.recordId ? records.checks.get(entry.recordId) : undefined;
  const what = check ? `the ${CHECK_LABELS[check.kind]} check` : 'a check';
  const who = candidate(records, check?.applicationId);
  if (entry.action === 'erase') return `removed the note of ${what} of ${who}`;
  if (entry.action === 'create') return `recorded ${what} of ${who}`;
  if (entry.action === 'delete') return `deleted ${what} of ${who}`;
  return `changed the ${fieldsOf(entry) || 'details'} of ${what} of ${who}`;
}

/** Vacancies, teams, posts, adverts, rota slots, site profiles: "added the team Assessment North". */
function recordWords(entry: AuditEntryView, records: AuditRecords): string {
  const what = recordName(entry.table!, entry.recordId, records);
  if (entry.action === 'create') return entry.table === 'rota_slots' ? `put ${what}` : `added ${what}`;
  if (entry.action === 'delete') return `deleted ${what}`;
  return `changed the ${fieldsOf(entry) || 'details'} of ${what}`;
}

function recordName(table: string, id: string | null, records: AuditRecords): string {
  const r = id ?? '';
  switch (table) {
    case 'vacancies':
      return vacancyName(records, r) ? `the vacancy ${vacancyName(records, r)}` : 'a vacancy';
    case 'teams':
      return records.teams.get(r) ? `the team ${records.teams.get(r)!.name}` : 'a team';
    case 'posts': {
      const p = records.posts.get(r);
      const team = p && records.teams.get(p.teamId)?.name;
      return p ? `a ${ROLE_LABELS[p.role].toLowerCase()} post${team ? ` in ${team}` : ''}` : 'a post';
    }
    case 'adverts': {
      const a = records.adverts.get(r);
      const vacancy = vacancyName(records, a?.vacancyId);
      return a ? `an advert on ${a.board}${vacancy ? ` for ${vacancy}` : ''}` : 'an advert';
    }
    case 'rota_slots': {
      const s = records.slots.get(r);
      if (!s) return 'a rota slot';
      return `${records.people.get(s.managerId)?.name ?? 'a manager'} on the ${s.duty} rota for the week of ${formatDay(s.week)}`;
    }
    case 'site_profiles': {
      const s = records.siteProfiles.get(r);
      return s ? `a page layout of ${s.host}` : 'a page layout';
    }
    default:
      return `a record of ${table.replace(/_/g, ' ')}`;
  }
}

function userWords(entry: AuditEntryView, records: AuditRecords): string {
  const person = entry.recordId ? records.people.get(entry.recordId) : undefined;
  const who = person?.name ?? 'a person';
  if (entry.action === 'create_user') return `added ${who}${person ? ` as ${ROLE_NAMES[person.role].toLowerCase()}` : ''}`;
  return `changed the ${fieldsOf(entry) || 'details'} of ${who}`;
}

/** Account and council actions, named by the action alone. */
const ACCOUNT_WORDS: Record<string, (entry: AuditEntryView) => string> = {
  create_invitation: () => 'made a sign-in invitation',
  redeem_invitation: () => 'signed a browser in with an invitation',
  invitation_expired_attempt: () => 'tried to use an expired invitation',
  create_token: () => 'issued a token',
  revoke_token: () => 'revoked a token',
  sign_out: () => 'signed a browser out',
  update_settings: (e) => `changed the council’s rules${e.fields?.length ? `: ${fieldsOf(e)}` : ''}`,
  update_organisation: () => 'renamed the council',
  subject_access: (e) => `searched for a subject-access request and found nothing${byKey(e)}`,
};

/** What the entry's user did, in words, without who or when. */
export function auditAction(item: AuditItem, records: AuditRecords): string {
  const { entry } = item;
  if (entry.table === 'applications') return applicationWords(item, records);
  if (entry.table === 'stage_events') return entry.action === 'erase' ? `removed the note of a stage change of ${candidate(records, records.stageEvents.get(entry.recordId ?? '')?.applicationId)}` : stageEventWords(entry, records);
  if (entry.table === 'checks') return checkWords(entry, records);
  if (entry.table === 'users' && (entry.action === 'create_user' || entry.action === 'update_user')) return userWords(entry, records);
  const account = ACCOUNT_WORDS[entry.action];
  if (account) return account(entry);
  if (entry.table && ['create', 'update', 'delete'].includes(entry.action)) return recordWords(entry, records);
  return `${entry.action.replace(/_/g, ' ')}${entry.table ? ` (${entry.table.replace(/_/g, ' ')})` : ''}`;
}

/** The whole line: "Tom Okafor moved Ben Francis from Applied to Shortlisted, 2 Dec 10:14". */
export function auditSentence(item: AuditItem, records: AuditRecords, now: Date = new Date()): string {
  return `${actorOf(item.entry, records)} ${auditAction(item, records)}, ${auditTime(item.entry.at, now)}`;
}
