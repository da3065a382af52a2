import * as z from 'zod/mini';
import { id, inSaneRange, oneOf } from './primitives';
import { SYNC_TABLE_NAMES, type SyncTable } from './tables';

/** Bumped when the wire format changes; the server refuses clients it cannot read. */
export const SYNC_SCHEMA_VERSION = 1;

/**
 * `HLC` as written by shared/hlc.ts: 13-digit ms, 6-digit counter, client id. The schemas of this
 * file are marked pure (`.check()` and `join()` are calls a bundler must otherwise keep), so the
 * service worker, which parses none of them, leaves them out (issue 15).
 */
export const hlcString = /* @__PURE__ */ z
  .string()
  .check(
    z.regex(/^\d{13}:\d{6}:[A-Za-z0-9-]{1,64}$/, { error: 'must be a hybrid logical clock like 1767225600000:000000:client-id' }),
    z.refine((s) => inSaneRange(Number(s.slice(0, 13))), { error: 'must carry a wall clock between 2000-01-01 and 2100-12-31' }),
  );

const tableName = /* @__PURE__ */ oneOf(SYNC_TABLE_NAMES as [SyncTable, ...SyncTable[]]);

/**
 * One local change. `upsert` carries only the fields that changed (merged per field by
 * clock); `delete` leaves a tombstone; `erase` removes a candidate's personal data.
 */
export const mutationSchema = z.object({
  /** Idempotency key. */
  id,
  /** Per-client sequence, 1, 2, 3... with no gaps. */
  seq: /* @__PURE__ */ z.int().check(z.minimum(1)),
  table: tableName,
  op: z.enum(['upsert', 'delete', 'erase'], { error: 'must be upsert, delete or erase' }),
  recordId: id,
  fields: z.optional(z.record(z.string(), z.unknown())),
  hlc: hlcString,
});
export type Mutation = z.infer<typeof mutationSchema>;

export const MAX_PUSH_MUTATIONS = 1000;

export const pushRequestSchema = z.object({
  clientId: /* @__PURE__ */ z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/, { error: 'must be 8 to 64 letters, digits or dashes' })),
  schemaVersion: z.int(),
  mutations: /* @__PURE__ */ z.array(mutationSchema).check(z.maxLength(MAX_PUSH_MUTATIONS, { error: `at most ${MAX_PUSH_MUTATIONS} mutations per push` })),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** A concurrent edit of a critical field that lost, kept for a person to see. */
export interface Conflict {
  table: SyncTable;
  recordId: string;
  field: string;
  losingValue: unknown;
  winningValue: unknown;
  losingHlc: string;
  winningHlc: string;
}

export interface PushResponse {
  /** Highest sequence of this client now applied on the server. */
  lastSeq: number;
  applied: number;
  skipped: number;
  conflicts: Conflict[];
}

/**
 * A conflict as pulled: tables that only the server writes travel in pulls too. Clients
 * that do not know a pulled table should skip its changes (and still advance the cursor).
 */
export interface ConflictRecord extends Conflict {
  id: string;
  /** When the server recorded it (ISO 8601). */
  at: string;
}

/** Tables that appear in pulls but are never pushed. */
export const PULL_ONLY_TABLES = ['conflicts'] as const;
export type PullTable = SyncTable | (typeof PULL_ONLY_TABLES)[number];

/** One changed record in server order; `record` is null for a tombstone. */
export interface Change {
  cursor: number;
  /** A synced table, or `conflicts` (record: ConflictRecord). */
  table: PullTable;
  recordId: string;
  deleted: boolean;
  record: Record<string, unknown> | null;
}

export interface PullResponse {
  changes: Change[];
  cursor: number;
  hasMore: boolean;
  /**
   * The reader's need-to-know scope (shared/sync/scope.ts), to send back as `?scope=` with the
   * next pull; absent from older servers. Records outside it arrive with `redacted: true`.
   */
  scope?: string;
}

export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 2000;

/** The error body every failure of the API answers with. */
export interface ApiError {
  error: { code: string; message: string; details?: unknown };
}

/** `GET /v1/me`: who the bearer token belongs to, and the organisation's settings. */
export interface MeResponse {
  user: { id: string; name: string; email: string; role: import('./organisation').UserRole };
  organisation: { id: string; name: string };
  settings: import('./organisation').Settings;
  /** When the token stops working (ISO 8601). */
  tokenExpiresAt: string;
}
