import { addDays, dayNumber, londonDayOfMs } from '#shared/calendar';
import { candidateName } from '#shared/names';
import { ROLE_LABELS, type Application, type Vacancy } from '#shared/schema/index';
import { findCandidates } from '../../daily/findCandidates';
import type { AuditRecords } from './auditRecords';

/** The audit page's filters as typed: every field a string, empty for "any". */
export interface AuditFilterDraft {
  userId: string;
  /** A candidate's name, email or ATS reference, matched against the applications this browser holds. */
  candidate: string;
  table: string;
  recordId: string;
  /** London dates, both inclusive. */
  from: string;
  to: string;
}

export const EMPTY_FILTERS: AuditFilterDraft = { userId: '', candidate: '', table: '', recordId: '', from: '', to: '' };

/** Kinds of record in the trail, as the filter names them. */
export const RECORD_KINDS: Record<string, string> = {
  applications: 'Candidate applications',
  stage_events: 'Stage changes',
  checks: 'Pre-employment checks',
  vacancies: 'Vacancies',
  teams: 'Teams',
  posts: 'Posts',
  adverts: 'Adverts',
  rota_slots: 'Rota slots',
  site_profiles: 'Page layouts',
  users: 'People',
  invitations: 'Invitations',
  credentials: 'Tokens',
  settings: 'Council rules',
  organisations: 'The council',
};

/** The server takes up to this many applications for one person (auditQuery). */
export const MAX_PERSON_APPLICATIONS = 20;

export type AuditQueryParams = Partial<Record<'userId' | 'applicationIds' | 'table' | 'recordId' | 'from' | 'to', string>>;

export type ReadFilters =
  | { ok: true; params: AuditQueryParams; candidates: Application[] }
  | { ok: false; errors: Partial<Record<keyof AuditFilterDraft, string>> };

/** The instant a London date begins (midnight is never inside a clock change: those are at 01:00 UTC). */
export function londonMidnight(date: string): string {
  const utcMidnight = dayNumber(date) * 86_400_000;
  const bst = utcMidnight - 3_600_000;
  return new Date(londonDayOfMs(bst) === dayNumber(date) ? bst : utcMidnight).toISOString();
}

/** Checks the filters and turns them into the audit query; errors are per field, in words. */
export function readFilters(draft: AuditFilterDraft, applications: readonly Application[], vacancies: readonly Vacancy[]): ReadFilters {
  const errors: Partial<Record<keyof AuditFilterDraft, string>> = {};
  const params: AuditQueryParams = {};
  let candidates: Application[] = [];
  if (draft.userId) params.userId = draft.userId;
  const text = draft.candidate.trim();
  if (text) {
    candidates = findCandidates(text, applications, vacancies, MAX_PERSON_APPLICATIONS + 1).map((f) => f.application);
    if (text.length < 2) errors.candidate = 'Type at least 2 letters of the name, email or ATS reference';
    else if (!candidates.length) errors.candidate = `No candidate held in this browser matches “${text}”`;
    else if (candidates.length > MAX_PERSON_APPLICATIONS) errors.candidate = `More than ${MAX_PERSON_APPLICATIONS} applications match “${text}”: type more of the name, or the email`;
    else params.applicationIds = candidates.map((a) => a.id).join(',');
  }
  if (draft.table) params.table = draft.table;
  if (draft.recordId.trim()) {
    if (!draft.table) errors.recordId = 'Choose the kind of record first';
    else params.recordId = draft.recordId.trim();
  }
  const dated = (key: 'from' | 'to') => {
    if (!draft[key]) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft[key])) errors[key] = 'must be a date';
  };
  dated('from');
  dated('to');
  if (!errors.from && draft.from) params.from = londonMidnight(draft.from);
  if (!errors.to && draft.to) {
    if (draft.from && !errors.from && draft.to < draft.from) errors.to = 'must be on or after the first day';
    else params.to = londonMidnight(addDays(draft.to, 1));
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, params, candidates };
}

/** Who the candidate filter found, for the page to say: "Ben Francis (2 applications)". */
export function candidatesFound(candidates: readonly Application[]): string {
  const counts = new Map<string, number>();
  for (const a of candidates) counts.set(candidateName(a), (counts.get(candidateName(a)) ?? 0) + 1);
  return [...counts].map(([name, n]) => `${name} (${n} application${n === 1 ? '' : 's'})`).join(', ');
}

/** Records of a kind this browser can name, for the record filter; none for kinds it cannot. */
export function recordChoices(table: string, records: AuditRecords): Array<{ value: string; label: string }> {
  const sorted = (rows: Array<{ value: string; label: string }>) => rows.sort((a, b) => a.label.localeCompare(b.label));
  switch (table) {
    case 'vacancies':
      return sorted([...records.vacancies.values()].map((v) => ({ value: v.id, label: v.title })));
    case 'teams':
      return sorted([...records.teams.values()].map((t) => ({ value: t.id, label: t.name })));
    case 'posts':
      return sorted([...records.posts.values()].map((p) => ({ value: p.id, label: `${ROLE_LABELS[p.role]}, ${records.teams.get(p.teamId)?.name ?? 'no team'}` })));
    case 'users':
      return sorted([...records.people.values()].map((p) => ({ value: p.id, label: p.name })));
    default:
      return [];
  }
}

/** The query string of a page of the trail. */
export function auditSearch(params: AuditQueryParams, page: { cursor?: string | null; limit: number }): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  if (page.cursor) q.set('cursor', page.cursor);
  q.set('limit', String(page.limit));
  return `?${q}`;
}
