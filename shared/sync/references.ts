import type { Mutation, SyncTable } from '../schema/index';
import type { PeopleLookup } from './people';
import type { RowLookup } from './rows';

/** A field of a record that names another record (or a user) of the same organisation. */
interface Reference {
  field: string;
  target: Target;
  /** The field holds a list of ids. */
  many?: boolean;
}

type Target = SyncTable | 'users';

/** Each table's fields that name another record: the target, or `{ many }` for a field holding a list of ids. */
const REFERENCING_FIELDS: Partial<Record<SyncTable, Record<string, Target | { many: Target }>>> = {
  teams: { managerId: 'users' },
  posts: { teamId: 'teams' },
  vacancies: { teamIds: { many: 'teams' }, postIds: { many: 'posts' } },
  adverts: { vacancyId: 'vacancies' },
  applications: { vacancyId: 'vacancies', assignedTo: 'users' },
  stage_events: { applicationId: 'applications' },
  checks: { applicationId: 'applications' },
  rota_slots: { managerId: 'users', teamId: 'teams', vacancyId: 'vacancies' },
  staff: { postId: 'posts', cohortId: 'cohorts', applicationId: 'applications' },
  leavers: { staffId: 'staff', postId: 'posts' },
  exit_interviews: { leaverId: 'leavers' },
  stay_conversations: { staffId: 'staff', heldBy: 'users' },
  transfers: { staffId: 'staff', fromTeamId: 'teams', toTeamId: 'teams', toPostId: 'posts' },
  incentives: { staffId: 'staff', referredApplicationId: 'applications' },
  caseload_weeks: { teamId: 'teams', confirmedBy: 'users' },
};

/**
 * Every reference between synced records. A mutation that sets one of these fields must name a
 * live record of the caller's organisation: stored, or created earlier in the same push. Ids of
 * another organisation are not found (every read is scoped by the credential's organisation), so
 * no record can point across organisations.
 */
export const REFERENCES: Partial<Record<SyncTable, readonly Reference[]>> = Object.fromEntries(
  Object.entries(REFERENCING_FIELDS).map(([table, fields]) => [
    table,
    Object.entries(fields).map(([field, to]): Reference => (typeof to === 'string' ? { field, target: to } : { field, target: to.many, many: true })),
  ]),
);

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
