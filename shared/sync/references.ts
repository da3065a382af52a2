import type { Mutation, SyncTable } from '../schema/index';
import type { PeopleLookup } from './people';
import type { RowLookup } from './rows';

/** A field of a record that names another record (or a user) of the same organisation. */
interface Reference {
  field: string;
  target: SyncTable | 'users';
  /** The field holds a list of ids. */
  many?: boolean;
}

/**
 * Every reference between synced records. A mutation that sets one of these fields must name a
 * live record of the caller's organisation: stored, or created earlier in the same push. Ids of
 * another organisation are not found (every read is scoped by the credential's organisation), so
 * no record can point across organisations.
 */
export const REFERENCES: Partial<Record<SyncTable, readonly Reference[]>> = {
  teams: [{ field: 'managerId', target: 'users' }],
  posts: [{ field: 'teamId', target: 'teams' }],
  vacancies: [
    { field: 'teamIds', target: 'teams', many: true },
    { field: 'postIds', target: 'posts', many: true },
  ],
  adverts: [{ field: 'vacancyId', target: 'vacancies' }],
  applications: [
    { field: 'vacancyId', target: 'vacancies' },
    { field: 'assignedTo', target: 'users' },
  ],
  stage_events: [{ field: 'applicationId', target: 'applications' }],
  checks: [{ field: 'applicationId', target: 'applications' }],
  rota_slots: [
    { field: 'managerId', target: 'users' },
    { field: 'teamId', target: 'teams' },
    { field: 'vacancyId', target: 'vacancies' },
  ],
  staff: [
    { field: 'postId', target: 'posts' },
    { field: 'cohortId', target: 'cohorts' },
    { field: 'applicationId', target: 'applications' },
  ],
  leavers: [
    { field: 'staffId', target: 'staff' },
    { field: 'postId', target: 'posts' },
  ],
  exit_interviews: [{ field: 'leaverId', target: 'leavers' }],
  stay_conversations: [
    { field: 'staffId', target: 'staff' },
    { field: 'heldBy', target: 'users' },
  ],
  transfers: [
    { field: 'staffId', target: 'staff' },
    { field: 'fromTeamId', target: 'teams' },
    { field: 'toTeamId', target: 'teams' },
    { field: 'toPostId', target: 'posts' },
  ],
  incentives: [
    { field: 'staffId', target: 'staff' },
    { field: 'referredApplicationId', target: 'applications' },
  ],
  caseload_weeks: [
    { field: 'teamId', target: 'teams' },
    { field: 'confirmedBy', target: 'users' },
  ],
};

/** What one record of each table is called, in messages a person reads. */
export const RECORD_NOUN: Record<SyncTable | 'users', string> = {
  teams: 'team',
  posts: 'post',
  vacancies: 'vacancy',
  adverts: 'advert',
  applications: 'application',
  stage_events: 'stage event',
  rota_slots: 'rota slot',
  checks: 'check',
  site_profiles: 'site profile',
  staff: 'staff record',
  leavers: 'leaver',
  exit_interviews: 'exit interview',
  stay_conversations: 'Stay conversation',
  transfers: 'transfer',
  incentives: 'incentive',
  cohorts: 'cohort',
  caseload_weeks: 'caseload week',
  users: 'user',
};

const idsIn = (value: unknown, many?: boolean): string[] => {
  const list = many ? (Array.isArray(value) ? value : []) : [value];
  return list.filter((v): v is string => typeof v === 'string' && v.length > 0);
};

/**
 * The ids a push's mutations name, by table, read from the raw fields (before validation: only
 * string values count), so the worker can read them from D1 with the rows the push touches.
 */
export function referencedIds(mutations: readonly Mutation[]): Map<SyncTable | 'users', Set<string>> {
  const out = new Map<SyncTable | 'users', Set<string>>();
  const add = (t: SyncTable | 'users', id: string) => {
    let s = out.get(t);
    if (!s) out.set(t, (s = new Set()));
    s.add(id);
  };
  for (const m of mutations) {
    if (m.op !== 'upsert' || !m.fields) continue;
    for (const ref of REFERENCES[m.table] ?? []) {
      if (!Object.hasOwn(m.fields, ref.field)) continue;
      for (const id of idsIn(m.fields[ref.field], ref.many)) add(ref.target, id);
    }
  }
  return out;
}

/** "field: problem" lines for references in validated `fields` that name nothing live. */
export function referenceIssues(table: SyncTable, fields: Record<string, unknown>, rows: RowLookup, people: PeopleLookup): string[] {
  const issues: string[] = [];
  for (const ref of REFERENCES[table] ?? []) {
    if (!Object.hasOwn(fields, ref.field)) continue;
    for (const id of idsIn(fields[ref.field], ref.many)) {
      if (ref.target === 'users') {
        if (!people(id)) issues.push(`${ref.field}: no user ${id} in your organisation`);
        continue;
      }
      const row = rows.get(ref.target, id);
      if (!row) issues.push(`${ref.field}: no ${RECORD_NOUN[ref.target]} ${id} in your organisation (create it first, in this push or an earlier one)`);
      else if (row.deleted) issues.push(`${ref.field}: ${RECORD_NOUN[ref.target]} ${id} was deleted`);
    }
  }
  return issues;
}
