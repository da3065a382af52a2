import * as z from 'zod/mini';
import { id, isoDateTime } from '../schema/index';
import { exportResponse } from './admin';

const record = z.record(z.string(), z.unknown());

/**
 * Everything held about one member of staff: their staff record and each record that concerns
 * them (shared/sync/erasure.ts: leavers, exit interviews with notes, Stay conversations with
 * notes, transfers, incentives), with their conflicts, change log and audit entries.
 */
export const staffExport = z.object({
  staffId: z.string(),
  staff: record,
  deleted: z.boolean(),
  erased: z.boolean(),
  /** Records about the person, by table (leavers, exit_interviews, stay_conversations, transfers, incentives). */
  records: z.record(z.string(), z.array(record)),
  conflicts: exportResponse.shape.conflicts,
  changes: exportResponse.shape.changes,
  audit: exportResponse.shape.audit,
});
export type StaffExport = z.infer<typeof staffExport>;

/** Request and response shapes of the data-protection routes: subject access and the audit trail (issue 12). */

/**
 * `GET /v1/admin/subject-access`: one key per request. Email and reference match exactly
 * (email ignoring case); a name matches ignoring case and spaces around it, for a person whose
 * email and reference are unknown.
 */
export const subjectAccessQuery = z
  .object({
    email: z.optional(z.string().check(z.trim(), z.minLength(3), z.maxLength(254))),
    reference: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(80))),
    name: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(120))),
    /** A member of staff's record id: their staff record and retention records (a name finds those too). */
    staff: z.optional(id),
    format: z._default(z.enum(['json', 'csv'], { error: 'must be json or csv' }), 'json'),
  })
  .check(z.refine((q) => [q.email, q.reference, q.name, q.staff].filter(Boolean).length === 1, { error: 'send exactly one of email, reference, name or staff' }));
export type SubjectAccessQuery = z.infer<typeof subjectAccessQuery>;

export const subjectAccessResponse = z.object({
  generatedAt: z.string(),
  /** Which key found the person (the value is not repeated). */
  matchedBy: z.enum(['email', 'reference', 'name', 'staff']),
  /** Everything held about each application of the person, as the per-application export has it. */
  applications: z.array(exportResponse),
  /** The person as a member of staff (found by name or staff id): each staff record with every retention record about them. */
  staff: z._default(z.array(staffExport), []),
});
export type SubjectAccessResponse = z.infer<typeof subjectAccessResponse>;

export const MAX_AUDIT_PAGE = 500;

/** `GET /v1/admin/audit`: newest first, filtered, paged by the opaque `cursor` of the previous page. */
export const auditQuery = z
  .object({
    table: z.optional(z.string().check(z.regex(/^[a-z_]{1,40}$/, { error: 'must be a table name' }))),
    recordId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    userId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    /**
     * A person's applications, comma-separated (up to 20): entries on them and on their stage
     * events and checks. The console finds them by name in the browser's own records, so the
     * server is never asked by name.
     */
    applicationIds: z.optional(
      z.string().check(z.regex(/^[0-9a-f-]{36}(,[0-9a-f-]{36}){0,19}$/i, { error: 'must be up to 20 application ids, separated by commas' })),
    ),
    from: z.optional(isoDateTime),
    to: z.optional(isoDateTime),
    cursor: z.optional(z.string().check(z.regex(/^\d{1,15}$/, { error: 'must be the cursor of a previous page' }))),
    limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_AUDIT_PAGE)), 100),
  })
  .check(z.refine((q) => !q.recordId || q.table, { error: 'a recordId needs its table', path: ['table'] }));
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.nullable(z.string()),
  /** The user's name now, or null for the retention schedule and removed users. */
  userName: z.nullable(z.string()),
  action: z.string(),
  table: z.nullable(z.string()),
  recordId: z.nullable(z.string()),
  /** Field names changed. */
  fields: z.nullable(z.array(z.string())),
  /** The new values of the changed fields that are not personal data (personal ones: only their names, above). */
  values: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
});
export type AuditEntryView = z.infer<typeof auditEntry>;

export const auditResponse = z.object({ entries: z.array(auditEntry), nextCursor: z.nullable(z.string()) });
export type AuditResponse = z.infer<typeof auditResponse>;
