import { z } from 'zod';
import { isoDateTime } from '../schema/index';
import { exportResponse } from './admin';

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
    format: z.enum(['json', 'csv'], { error: 'must be json or csv' }).default('json'),
  })
  .refine((q) => [q.email, q.reference, q.name].filter(Boolean).length === 1, { error: 'send exactly one of email, reference or name' });
export type SubjectAccessQuery = z.infer<typeof subjectAccessQuery>;

export const subjectAccessResponse = z.object({
  generatedAt: z.string(),
  /** Which key found the person (the value is not repeated). */
  matchedBy: z.enum(['email', 'reference', 'name']),
  /** Everything held about each application of the person, as the per-application export has it. */
  applications: z.array(exportResponse),
});
export type SubjectAccessResponse = z.infer<typeof subjectAccessResponse>;

export const MAX_AUDIT_PAGE = 500;

/** `GET /v1/admin/audit`: newest first, filtered, paged by the opaque `cursor` of the previous page. */
export const auditQuery = z
  .object({
    table: z.string().regex(/^[a-z_]{1,40}$/, { error: 'must be a table name' }).optional(),
    recordId: z.string().min(1).max(64).optional(),
    userId: z.string().min(1).max(64).optional(),
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
