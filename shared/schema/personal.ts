import type * as z from 'zod/mini';
import type { SYNC_TABLES, SyncTable } from './tables';

/**
 * Which fields of every synced table are personal data (UK GDPR), declared once, beside the
 * schema. Every field of every table says one of:
 * - `candidate`: identifies or describes a candidate in words (names, contacts, references,
 *   free text such as notes and team preference). Erased with the candidate (admin erasure,
 *   retention), scrubbed from the change log, conflicts and every browser;
 * - `staff`: names a council user (a user id, or free text about a post that may name its
 *   holder) or a member of staff. User ids are kept: the audit trail needs who did what. A
 *   member of staff's erasure nulls the words about them (a staff record's name, the notes and
 *   names of their exit interviews and Stay conversations), by the rule of shared/sync/erasure.ts;
 * - `none`: not personal data (dates, stages, reasons, sources, ids): kept, so the measures
 *   keep working on anonymised records.
 * tests/unit/shared/personal-fields.test.ts fails when a schema gains a field not listed here.
 */
export type Personal = 'candidate' | 'staff' | 'none';

type Shape<T extends SyncTable> = (typeof SYNC_TABLES)[T]['schema'] extends z.ZodMiniObject<infer S> ? S : never;
type Declaration = { [T in SyncTable]: { readonly [F in Exclude<keyof Shape<T>, 'id'>]: Personal } };

export const PERSONAL_DATA = {
  teams: { name: 'none', type: 'none', area: 'none', managerId: 'staff' },
  posts: {
    teamId: 'none',
    role: 'none',
    gradeText: 'none',
    fte: 'none',
    cover: 'none',
    agencyName: 'none',
    agencyWeeklyCost: 'none',
    coverEndDate: 'none',
    confirmedWeek: 'none',
    note: 'staff',
  },
  vacancies: {
    title: 'none',
    teamIds: 'none',
    role: 'none',
    posts: 'none',
    mode: 'none',
    reference: 'none',
    openedDate: 'none',
    closingDate: 'none',
    plannedShortlistDate: 'none',
    plannedInterviewDate: 'none',
    status: 'none',
    postIds: 'none',
  },
  adverts: {
    vacancyId: 'none',
    url: 'none',
    board: 'none',
    title: 'none',
    externalId: 'none',
    reference: 'none',
    postedDate: 'none',
    closingDate: 'none',
  },
  applications: {
    vacancyId: 'none',
    name: 'candidate',
    email: 'candidate',
    phone: 'candidate',
    source: 'none',
    referrer: 'candidate',
    experience: 'none',
    yearsQualified: 'none',
    teamPreference: 'candidate',
    atsReference: 'candidate',
    atsUrl: 'candidate',
    receivedDate: 'none',
    assignedTo: 'staff',
    erased: 'none',
  },
  stage_events: {
    applicationId: 'none',
    stage: 'none',
    at: 'none',
    by: 'staff',
    reason: 'none',
    interviewAt: 'none',
    note: 'candidate',
    recordedLate: 'none',
    enteredAt: 'none',
  },
  rota_slots: { week: 'none', duty: 'none', managerId: 'staff', teamId: 'none', vacancyId: 'none', givenBy: 'staff' },
  checks: {
    applicationId: 'none',
    kind: 'none',
    requested: 'none',
    received: 'none',
    cleared: 'none',
    notApplicable: 'none',
    note: 'candidate',
  },
  site_profiles: { host: 'none', pathPattern: 'none', kind: 'none', fields: 'none', label: 'none', createdAt: 'none' },
  staff: {
    postId: 'none',
    name: 'staff',
    role: 'none',
    fte: 'none',
    startDate: 'none',
    asyeStatus: 'none',
    ecf: 'none',
    asyeCompletedOn: 'none',
    cohortId: 'none',
    applicationId: 'none',
    fromAgency: 'none',
    erased: 'none',
  },
  leavers: { staffId: 'none', postId: 'none', leavingDate: 'none', reason: 'none', destination: 'none', fte: 'none' },
  exit_interviews: {
    leaverId: 'none',
    offeredOn: 'none',
    outcome: 'none',
    heldOn: 'none',
    heldWith: 'staff',
    themes: 'none',
    notes: 'staff',
  },
  // Which person a Stay conversation was with is itself confidential (holder and admins only).
  stay_conversations: {
    staffId: 'staff',
    heldBy: 'staff',
    holderRole: 'none',
    heldOn: 'none',
    outcome: 'none',
    themes: 'none',
    notes: 'staff',
  },
  transfers: {
    staffId: 'none',
    fromTeamId: 'none',
    toTeamId: 'none',
    toPostId: 'none',
    requestedOn: 'none',
    decidedOn: 'none',
    decision: 'none',
    movedOn: 'none',
  },
  incentives: {
    staffId: 'none',
    kind: 'none',
    amount: 'none',
    paidOn: 'none',
    clawbackMonths: 'none',
    clawbackBasis: 'none',
    referredApplicationId: 'none',
  },
  cohorts: { name: 'none', startMonth: 'none', programme: 'none', isControl: 'none' },
  caseload_weeks: { teamId: 'none', weekStart: 'none', casesHeld: 'none', fteHoldingCases: 'none', confirmedBy: 'staff' },
} as const satisfies Declaration;

type CandidateFields<T extends SyncTable> = {
  [F in keyof (typeof PERSONAL_DATA)[T]]: (typeof PERSONAL_DATA)[T][F] extends 'candidate' ? F : never;
}[keyof (typeof PERSONAL_DATA)[T]];

/** The fields of `table` erased with a candidate. */
export function candidateFieldsOf<T extends SyncTable>(table: T): readonly CandidateFields<T>[] {
  const declared = PERSONAL_DATA[table] as Record<string, Personal>;
  return Object.keys(declared).filter((f) => declared[f] === 'candidate') as CandidateFields<T>[];
}

/** Fields removed from an application when its candidate is erased. */
export const PERSONAL_FIELDS = candidateFieldsOf('applications');

/** Tables whose records belong to one application (by `applicationId`), erased with it. */
export const CANDIDATE_CHILD_TABLES = ['stage_events', 'checks'] as const;

/** Free-text fields of a stage event or check that go when its candidate is erased (today: `note`). */
export const CHILD_PERSONAL_FIELDS = {
  stage_events: candidateFieldsOf('stage_events'),
  checks: candidateFieldsOf('checks'),
} as const;
