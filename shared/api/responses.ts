import * as z from 'zod/mini';
import { instant } from './instant';
import { settingsSchema, SYNC_TABLE_NAMES, PULL_ONLY_TABLES, userRole } from '../schema/index';
import { namedRef } from './accounts';

/**
 * Zod mirrors of the response interfaces of shared/schema/sync.ts, for the OpenAPI document
 * and for tests that check real responses against it.
 */
export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.optional(z.unknown()) }),
});

const pullTable = z.enum([...SYNC_TABLE_NAMES, ...PULL_ONLY_TABLES] as unknown as [string, ...string[]]);

export const conflictSchema = z.object({
  id: z.optional(z.string()),
  at: z.optional(z.string()),
  table: pullTable,
  recordId: z.string(),
  field: z.string(),
  losingValue: z.unknown(),
  winningValue: z.unknown(),
  losingHlc: z.string(),
  winningHlc: z.string(),
});

export const pushResponseSchema = z.object({
  lastSeq: z.int(),
  applied: z.int(),
  skipped: z.int(),
  conflicts: z.array(conflictSchema),
});

export const changeSchema = z.object({
  cursor: z.int(),
  table: pullTable,
  recordId: z.string(),
  deleted: z.boolean(),
  record: z.nullable(z.record(z.string(), z.unknown())),
});

export const pullResponseSchema = z.object({ changes: z.array(changeSchema), cursor: z.int(), hasMore: z.boolean(), scope: z.optional(z.string()) });

export const meResponseSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), role: userRole }),
  organisation: namedRef,
  settings: settingsSchema,
  tokenExpiresAt: instant,
});

/** `GET /v1/people`: the organisation's users by name, for rota and queue displays (no contact details). */
export const peopleResponseSchema = z.object({
  people: z.array(z.object({ id: z.string(), name: z.string(), role: userRole, active: z.boolean() })),
});
export type PeopleResponse = z.infer<typeof peopleResponseSchema>;

/** `GET /health`: liveness and D1 reachability (503 when D1 cannot be read). */
export const healthResponseSchema = z.object({
  ok: z.boolean(),
  service: z.literal('shortlist'),
  /** shared/version.ts's APP_VERSION. */
  version: z.string(),
  d1: z.boolean(),
  /** The schema version in D1's meta table; null when D1 cannot be read or has none. */
  schema: z.nullable(z.string()),
});
