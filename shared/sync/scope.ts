import { candidateFieldsOf, STAY_PERSON_FIELDS, type PullTable, type SyncTable, type UserRole } from '../schema/index';
import { erasedFieldsOf } from './erasure';
import type { Refusal } from './refusals';
import { managesTeam, seesStayPerson } from './ownership';

/**
 * Need-to-know (issue 12, sync.md invariant 13): which pulled records a reader gets whole and
 * which arrive redacted (their personal fields null, `redacted: true`; ids, stages, dates,
 * sources and reasons kept, so counts and measures still work).
 *
 * The rule for applications (and the stage events and checks that follow them): a team manager
 * gets the candidate's personal data only for applications they may act on or have acted on:
 * - assigned to them (`assignedTo`);
 * - to a vacancy in their rota scope this week (a rota slot of theirs for the current Monday:
 *   a vacancy slot, a team slot covering the vacancy's teams, or a council-wide slot: everything);
 * - to a vacancy of a team they manage. "Own team" is `teams.managerId`, the same rule the push
 *   policy uses for own-team decisions (shared/sync/permissions.ts); the admin console's
 *   `users.team_id` says where a person works and grants no access;
 * - where they recorded a stage event (`by`), whatever the week.
 * Admins, central and coordinators get every candidate (they run recruitment for the whole council).
 * A Stay conversation's person goes to its holder and admins only, whatever the role.
 *
 * Staff records (issue 16) by the same need-to-know: a manager gets an exit interview's words
 * (`heldWith`, `notes`) only for leavers of posts of the teams they manage, which are exactly
 * the exit interviews they may record (shared/sync/retention-permissions.ts); an incentive's
 * person (`staffId`, `referredApplicationId`) never, since no page of theirs shows incentives
 * (the central team's and coordinators'). Themes, outcomes, dates, kinds and amounts stay, so the
 * reports' exit themes count the same in every browser.
 *
 * Adding a table's rule is one line in SCOPE_RULES: the fields redacted and who sees them.
 */

export interface Reader {
  userId: string;
  role: UserRole;
}

/** What the server knows about a reader's scope when it answers one pull page. */
export interface ScopeLookup {
  reader: Reader;
  /** Whether the reader may see the candidate of this application. */
  seesApplication(applicationId: string): boolean;
  /** Whether the reader manages the team of the post this leaver left (always, for the unrestricted roles). */
  managesLeaver(leaverId: string): boolean;
}

export interface ScopeRule {
  /** Fields set to null in a redacted copy. */
  fields: readonly string[];
  /** Whether this reader gets the record whole. */
  visible(record: Record<string, unknown>, scope: ScopeLookup): boolean;
}

const candidateRule = (table: SyncTable, visible: ScopeRule['visible']): ScopeRule => ({ fields: candidateFieldsOf(table), visible });
const ownApplication: ScopeRule['visible'] = (r, s) => s.seesApplication(String(r.id));
const followsApplication: ScopeRule['visible'] = (r, s) => s.seesApplication(String(r.applicationId));

/**
 * Who a Stay conversation was with is for its holder and admins only, whatever the reader's
 * role (issue 16): the central team, coordinators and other managers get its outcome, themes,
 * date and holder, never the person.
 */
const holderAndAdmins: ScopeRule['visible'] = (r, s) => seesStayPerson(r.heldBy, s.reader);

/** The person an incentive pays (and the friend they referred): for the roles that keep incentives, not for managers. */
export const INCENTIVE_PERSON_FIELDS = ['staffId', 'referredApplicationId'] as const;

/** Per pulled table: who gets it whole. A table without a rule goes whole to every reader. */
export const SCOPE_RULES: Partial<Record<PullTable, ScopeRule>> = {
  applications: candidateRule('applications', ownApplication),
  stage_events: candidateRule('stage_events', followsApplication),
  checks: candidateRule('checks', followsApplication),
  stay_conversations: { fields: STAY_PERSON_FIELDS, visible: holderAndAdmins },
  // A hire's staff record names the candidate it came from: it follows that application's need-to-know.
  staff: { fields: ['name'], visible: (r, s) => typeof r.applicationId !== 'string' || s.seesApplication(r.applicationId) },
  // What a leaver said, and to whom: for the manager of the team they left (and the unrestricted roles).
  exit_interviews: { fields: erasedFieldsOf('staff', 'exit_interviews'), visible: (r, s) => s.managesLeaver(String(r.leaverId)) },
  incentives: { fields: INCENTIVE_PERSON_FIELDS, visible: (_r, s) => !isRestricted(s.reader) },
};

/** Roles whose applications are limited to their scope; the others see every candidate. */
export const NEED_TO_KNOW_ROLES: readonly UserRole[] = ['manager'];
export const isRestricted = (reader: Reader) => NEED_TO_KNOW_ROLES.includes(reader.role);

/** The record as this reader gets it: whole, or with the rule's fields null and `redacted: true`. */
export function scopedRecord(table: string, record: Record<string, unknown>, scope: ScopeLookup): Record<string, unknown> {
  const rule = SCOPE_RULES[table as PullTable];
  if (!rule || rule.visible(record, scope)) return record;
  const out: Record<string, unknown> = { ...record, redacted: true };
  for (const f of rule.fields) out[f] = null;
  return out;
}

// ---- a manager's vacancy scope ------------------------------------------------------------

export interface ScopeSlot {
  week: string;
  managerId: string;
  teamId?: string | null;
  vacancyId?: string | null;
}

export interface VacancyTeams {
  id: string;
  teamIds: readonly string[];
}

/** The vacancies whose candidates a reader sees (besides assigned and decided ones): every one, or these. */
export type VacancyScope = 'all' | ReadonlySet<string>;

/**
 * The vacancies in a manager's scope in the week starting `thisWeek` (a Monday): those of their
 * rota slots of that week, and those of the teams they manage (`managedTeamIds`). Admins,
 * central and coordinators: all. `slots` may hold anyone's slots of any week (only the reader's
 * of this week count); `vacancies` are the live vacancies with their teams.
 */
export function vacancyScope(
  reader: Reader,
  thisWeek: string,
  slots: readonly ScopeSlot[],
  managedTeamIds: readonly string[],
  vacancies: readonly VacancyTeams[],
): VacancyScope {
  if (!isRestricted(reader)) return 'all';
  const mine = slots.filter((s) => s.managerId === reader.userId && s.week === thisWeek);
  if (mine.some((s) => !s.vacancyId && !s.teamId)) return 'all';
  const teams = new Set([...managedTeamIds, ...mine.flatMap((s) => (s.vacancyId || !s.teamId ? [] : [s.teamId]))]);
  const out = new Set(mine.flatMap((s) => (s.vacancyId ? [s.vacancyId] : [])));
  for (const v of vacancies) if (v.teamIds.some((t) => teams.has(t))) out.add(v.id);
  return out;
}

/**
 * The retention side of a manager's scope: the posts of the teams they manage (`teams.managerId`)
 * and the leavers who left them, whose exit interviews they see whole.
 */
export interface TeamScope {
  posts: ReadonlySet<string>;
  leavers: ReadonlySet<string>;
}

/** A reader's team scope from the live teams, posts and leavers (the unit tests' fake server; the worker asks D1 the same). */
export function teamScope(
  reader: Reader,
  teams: readonly { id: string; managerId?: unknown }[],
  posts: readonly { id: string; teamId?: unknown }[],
  leavers: readonly { id: string; postId?: unknown }[],
): TeamScope {
  const managed = new Set(teams.filter((t) => managesTeam(t, reader.userId)).map((t) => t.id));
  const ownPosts = new Set(posts.filter((p) => typeof p.teamId === 'string' && managed.has(p.teamId)).map((p) => p.id));
  return { posts: ownPosts, leavers: new Set(leavers.filter((l) => typeof l.postId === 'string' && ownPosts.has(l.postId)).map((l) => l.id)) };
}

/** Whether the reader manages the team a leaver left: unrestricted roles always; a manager by their team scope. */
export const managesLeaver = (reader: Reader, team: TeamScope | null, leaverId: string): boolean => !isRestricted(reader) || !!team?.leavers.has(leaverId);

/** What an application's need-to-know depends on. */
export interface ApplicationScopeFacts {
  vacancyId: string | null;
  assignedTo: string | null;
  /** The reader recorded a stage event of this application. */
  decidedByReader: boolean;
}

export function seesApplication(reader: Reader, vacancies: VacancyScope, app: ApplicationScopeFacts): boolean {
  if (!isRestricted(reader) || vacancies === 'all') return true;
  return app.assignedTo === reader.userId || app.decidedByReader || (app.vacancyId !== null && vacancies.has(app.vacancyId));
}

// ---- re-scope -----------------------------------------------------------------------------

/**
 * A short fingerprint of what decides a reader's scope beyond the records themselves: the role
 * (a rule may depend on it) and, for a restricted reader, the vacancy scope and the posts of the
 * teams they manage (a team handed over, or a post moved to another team, changes whose exit
 * interviews they see). Assignments travel with the application record, decisions only add to a
 * scope, and a new leaver's exit interview arrives as a new record, so none of those is in it.
 * Every pull answer carries it; the client sends it back with its next pull.
 */
export function scopeFingerprint(reader: Reader, vacancies: VacancyScope, team: TeamScope | null = null): string {
  if (!isRestricted(reader)) return reader.role;
  const sorted = (ids: Iterable<string>) => [...ids].sort().join(',');
  const text = `${reader.role}|${vacancies === 'all' ? '*' : sorted(vacancies)}|posts:${sorted(team?.posts ?? [])}`;
  return `${reader.role}:${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01000193)}`;
}

/** FNV-1a, 32 bits, from a given basis: two bases make a 64-bit fingerprint (change detection, not secrecy). */
function fnv1a(text: string, basis: number): string {
  let h = basis;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Whether a pull after `cursor` must start again from 0 because the reader's scope changed since
 * the one it last pulled with (`sent`). A client that sends none (an older extension) holds what
 * every reader used to get, everything: it starts again when its reader is restricted.
 */
export function scopeChanged(cursor: number, sent: string | undefined, current: string, reader: Reader): boolean {
  if (cursor === 0) return false;
  return sent === undefined ? isRestricted(reader) : sent !== current;
}

/** 409: the reader's scope changed; pull again from 0 and replace every local copy with what arrives. */
export const scopeChangedRefusal = (scope: string): Refusal => ({
  status: 409,
  code: 'scope_changed',
  message: 'What you may see changed since this browser last synced (a new rota week, a slot or team change): pull again from cursor 0 and replace the local copies',
  details: { scope, restartFrom: 0 },
});
