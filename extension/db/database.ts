import Dexie, { type Table, type Transaction } from 'dexie';
import { SYNC_TABLE_NAMES, type ConflictRecord, type Mutation, type RecordOf, type SyncTable } from '#shared/schema/index';

/** A local change waiting for the server's acknowledgement. */
export interface OutboxEntry {
  /** Local order of the change (auto-increment). */
  localId?: number;
  mutation: Omit<Mutation, 'seq'>;
  /**
   * The per-client sequence, given when the entry is first sent and kept until the server
   * acknowledges it, so a resend after a lost response is recognised as a replay.
   */
  seq?: number;
  createdAt: string;
}

/** A change the server refused (invalid, or not allowed for the user's role): kept for a person to see. */
export interface RefusedEntry {
  localId?: number;
  mutation: Omit<Mutation, 'seq'>;
  code: string;
  message: string;
  refusedAt: string;
}

/**
 * The record as this browser last knew it on the server (pulled, or pushed and acknowledged),
 * without pending local changes. A refused change is undone by rebuilding the record from it.
 */
export interface ServerView {
  table: SyncTable;
  id: string;
  record: Record<string, unknown>;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

type SyncTables = { [T in SyncTable]: Table<RecordOf<T>, string> };

/**
 * The extension's database, in the extension's own origin: the background and extension
 * pages open it; content scripts never do (their IndexedDB would belong to the web page).
 */
export class ShortlistDb extends Dexie {
  declare teams: SyncTables['teams'];
  declare posts: SyncTables['posts'];
  declare vacancies: SyncTables['vacancies'];
  declare adverts: SyncTables['adverts'];
  declare applications: SyncTables['applications'];
  declare stage_events: SyncTables['stage_events'];
  declare rota_slots: SyncTables['rota_slots'];
  declare checks: SyncTables['checks'];
  declare site_profiles: SyncTables['site_profiles'];
  declare staff: SyncTables['staff'];
  declare leavers: SyncTables['leavers'];
  declare exit_interviews: SyncTables['exit_interviews'];
  declare stay_conversations: SyncTables['stay_conversations'];
  declare transfers: SyncTables['transfers'];
  declare incentives: SyncTables['incentives'];
  declare cohorts: SyncTables['cohorts'];
  declare caseload_weeks: SyncTables['caseload_weeks'];
  declare outbox: Table<OutboxEntry, number>;
  declare refused: Table<RefusedEntry, number>;
  declare conflicts: Table<ConflictRecord, string>;
  declare server_views: Table<ServerView, [SyncTable, string]>;
  declare meta: Table<MetaRow, string>;

  constructor(name = 'shortlist') {
    super(name);
    // One line per version: the stores that changed, and a step that brings older data along.
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(fillServerViews);
    this.version(3).stores(SCHEMA_V3);
  }
}

/** Indexes for the overlay's and the workspace's look-ups. */
export const SCHEMA_V1 = {
  teams: 'id, name',
  posts: 'id, teamId, cover',
  vacancies: 'id, status, reference',
  adverts: 'id, vacancyId, url, externalId, reference',
  applications: 'id, vacancyId, atsReference, email, assignedTo, receivedDate',
  stage_events: 'id, applicationId, at',
  rota_slots: 'id, week, managerId',
  checks: 'id, applicationId',
  site_profiles: 'id, host',
  outbox: '++localId, seq',
  refused: '++localId',
  conflicts: 'id, recordId',
  meta: 'key',
} as const;

/** Version 2: the server's view of each record; the outbox found by record. */
export const SCHEMA_V2 = {
  outbox: '++localId, seq, [mutation.table+mutation.recordId]',
  server_views: '[table+id]',
} as const;

/** Version 3: the retention tables (issue 16), new and empty, so no upgrade step. */
export const SCHEMA_V3 = {
  staff: 'id, postId, applicationId, cohortId',
  leavers: 'id, staffId, postId, leavingDate',
  exit_interviews: 'id, leaverId',
  stay_conversations: 'id, staffId, heldBy, heldOn',
  transfers: 'id, staffId, requestedOn',
  incentives: 'id, staffId, referredApplicationId',
  cohorts: 'id, startMonth',
  caseload_weeks: 'id, teamId, weekStart, [teamId+weekStart]',
} as const;

/**
 * The best view of the server an older database has: its records as they are (pending edits
 * included). Each record's next pull replaces it with the server's; until then a refused change
 * of such a record stays on screen (as before version 2) rather than losing the record.
 */
async function fillServerViews(tx: Transaction): Promise<void> {
  // Only the tables version 1 had: later tables do not exist yet at this step.
  for (const table of SYNC_TABLE_NAMES.filter((t) => Object.hasOwn(SCHEMA_V1, t))) {
    const records = (await tx.table(table).toArray()) as Array<Record<string, unknown>>;
    await tx.table('server_views').bulkPut(records.map((record) => ({ table, id: String(record.id), record })));
  }
}

let shared: ShortlistDb | undefined;

/** The database of this extension context (one per background or page). */
export function getDb(): ShortlistDb {
  shared ??= new ShortlistDb();
  return shared;
}

/** For tests: use a database of their own. */
export function setDb(db: ShortlistDb | undefined): void {
  shared = db;
}
