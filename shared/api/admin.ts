import * as z from 'zod/mini';
import { id, text, userRole } from '../schema/index';
import { userAccount } from './accounts';

/** Request and response shapes of the worker's admin API (/v1/admin/*). */
export const createUserRequest = z.object({
  name: text(120),
  email: z.email({ error: 'must be an email address' }).check(z.maxLength(254)),
  role: userRole,
});
export type CreateUserRequest = z.infer<typeof createUserRequest>;

export const updateUserRequest = z
  .object({ role: z.optional(userRole), active: z.optional(z.boolean({ error: 'must be true or false' })), name: z.optional(text(120)) })
  .check(z.refine((v) => Object.keys(v).length > 0, { error: 'send at least one of role, active, name' }));

export const createTokenRequest = z.object({
  days: z._default(z.int({ error: 'must be a whole number of days' }).check(z.minimum(1, { error: 'must be at least 1 day' }), z.maximum(365, { error: 'must be at most 365 days' })), 90),
});

export const idParam = z.object({ id });

export const exportQuery = z.object({ applicationId: id });
/** One person per request: a candidate's application, or a member of staff's record (their retention records go with it). */
export const eraseRequest = z.union([z.strictObject({ applicationId: id }), z.strictObject({ staffId: id })], {
  error: 'send exactly one of applicationId or staffId',
});
export type EraseRequest = z.infer<typeof eraseRequest>;

export const tokenInfo = z.object({
  id: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.nullable(z.string()),
  lastUsedAt: z.nullable(z.string()),
});
export type TokenInfo = z.infer<typeof tokenInfo>;

export const adminUser = z.extend(userAccount, { tokens: z.array(tokenInfo) });
export type AdminUser = z.infer<typeof adminUser>;

export const listUsersResponse = z.object({ users: z.array(adminUser) });
export const createdTokenResponse = z.object({
  /** Shown once; only its SHA-256 is kept. */
  token: z.string(),
  id: z.string(),
  prefix: z.string(),
  expiresAt: z.string(),
});
export const revokeTokenResponse = z.object({ id: z.string(), revokedAt: z.string() });
export const eraseResponse = z.object({ applicationId: z.optional(z.string()), staffId: z.optional(z.string()), erased: z.literal(true), changes: z.number() });
export type EraseResponse = z.infer<typeof eraseResponse>;

/** Subject access request: everything held about one candidate. */
export const exportResponse = z.object({
  applicationId: z.string(),
  generatedAt: z.string(),
  application: z.nullable(z.record(z.string(), z.unknown())),
  deleted: z.boolean(),
  erased: z.boolean(),
  stageEvents: z.array(z.record(z.string(), z.unknown())),
  checks: z.array(z.record(z.string(), z.unknown())),
  conflicts: z.array(z.record(z.string(), z.unknown())),
  changes: z.array(z.object({ seq: z.number(), table: z.string(), recordId: z.string(), op: z.string(), payload: z.unknown(), at: z.string() })),
  audit: z.array(z.object({ at: z.string(), userId: z.nullable(z.string()), action: z.string(), table: z.nullable(z.string()), recordId: z.nullable(z.string()), fields: z.unknown() })),
});
export type ExportResponse = z.infer<typeof exportResponse>;
