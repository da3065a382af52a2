import { z } from 'zod';
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
    email: z.string().trim().min(3).max(254).optional(),
    reference: z.string().trim().min(1).max(80).optional(),
    name: z.string().trim().min(2).max(120).optional(),
    /** A member of staff's record id: their staff record and retention records (a name finds those too). */
    staff: id.optional(),
    format: z.enum(['json', 'csv'], { error: 'must be json or csv' }).default('json'),
  })
  .refine((q) => [q.email, q.reference, q.name, q.staff].filter(Boolean).length === 1, { error: 'send exactly one of email, reference, name or staff' });
export type SubjectAccessQuery = z.infer<typeof subjectAccessQuery>;

export const subjectAccessResponse = z.object({
  generatedAt: z.string(),
  /** Which key found the person (the value is not repeated). */
  matchedBy: z.enum(['email', 'reference', 'name', 'staff']),
  /** Everything held about each application of the person, as the per-application export has it. */
  applications: z.array(exportResponse),
  /** The person as a member of staff (found by name or staff id): each staff record with every retention record about them. */
  staff: z.array(staffExport).default([]),
});
export type SubjectAccessResponse = z.infer<typeof subjectAccessResponse>;

export const MAX_AUDIT_PAGE = 500;

/** `GET /v1/admin/audit`: newest first, filtered, paged by the opaque `cursor` of the previous page. */
export const auditQuery = z
  .object({
    table: z.string().regex(/^[a-z_]{1,40}$/, { error: 'must be a table name' }).optional(),
    recordId: z.string().min(1).max(64).optional(),
    userId: z.string().min(1).max(64).optional(),
    /**
     * A person's applications, comma-separated (up to 20): entries on them and on their stage
     * events and checks. The console finds them by name in the browser's own records, so the
     * server is never asked by name.
     */
    applicationIds: z
      .string()
      .regex(/^[0-9a-f-]{36}(,[0-9a-f-]{36}){0,19}$/i, { error: 'must be up to 20 application ids, separated by commas' })
      .optional(),
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
    cursor: z.string().regex(/^\d{1,15}$/, { error: 'must be the cursor of a previous page' }).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(100),
  })
  .refine((q) => !q.recordId || q.table, { error: 'a recordId needs its table', path: ['table'] });
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.string().nullable(),
  /** The user's name now, or null for the retention schedule and removed users. */
  userName: z.string().nullable(),
  action: z.string(),
  table: z.string().nullable(),
  recordId: z.string().nullable(),
  /** Field names changed. */
  fields: z.array(z.string()).nullable(),
  /** The new values of the changed fields that are not personal data (personal ones: only their names, above). */
  values: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type AuditEntryView = z.infer<typeof auditEntry>;

export const auditResponse = z.object({ entries: z.array(auditEntry), nextCursor: z.string().nullable() });
export type AuditResponse = z.infer<typeof auditResponse>;
