import { z } from 'zod';
import { id, text, userRole } from '../schema/index';
import { userAccount } from './accounts';

/** Request and response shapes of the worker's admin API (/v1/admin/*). */
export const createUserRequest = z.object({
  name: text(120),
  email: z.email({ error: 'must be an email address' }).max(254),
  role: userRole,
});
export type CreateUserRequest = z.infer<typeof createUserRequest>;

export const updateUserRequest = z
  .object({ role: userRole.optional(), active: z.boolean({ error: 'must be true or false' }).optional(), name: text(120).optional() })
  .refine((v) => Object.keys(v).length > 0, { error: 'send at least one of role, active, name' });

export const createTokenRequest = z.object({
  days: z.int({ error: 'must be a whole number of days' }).min(1, { error: 'must be at least 1 day' }).max(365, { error: 'must be at most 365 days' }).default(90),
});

export const idParam = z.object({ id });

export const exportQuery = z.object({ applicationId: id });
/** One person per request: a candidate's application, or a member of staff's record (their retention records go with it). */
export const eraseRequest = z.union([z.object({ applicationId: id }).strict(), z.object({ staffId: id }).strict()], {
  error: 'send exactly one of applicationId or staffId',
});
export type EraseRequest = z.infer<typeof eraseRequest>;

export const tokenInfo = z.object({
  id: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type TokenInfo = z.infer<typeof tokenInfo>;

export const adminUser = userAccount.extend({ tokens: z.array(tokenInfo) });
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
export const eraseResponse = z.object({ applicationId: z.string().optional(), staffId: z.string().optional(), erased: z.literal(true), changes: z.number() });
export type EraseResponse = z.infer<typeof eraseResponse>;

/** Subject access request: everything held about one candidate. */
export const exportResponse = z.object({
  applicationId: z.string(),
  generatedAt: z.string(),
  application: z.record(z.string(), z.unknown()).nullable(),
  deleted: z.boolean(),
  erased: z.boolean(),
  stageEvents: z.array(z.record(z.string(), z.unknown())),
  checks: z.array(z.record(z.string(), z.unknown())),
  conflicts: z.array(z.record(z.string(), z.unknown())),
  changes: z.array(z.object({ seq: z.number(), table: z.string(), recordId: z.string(), op: z.string(), payload: z.unknown(), at: z.string() })),
  audit: z.array(z.object({ at: z.string(), userId: z.string().nullable(), action: z.string(), table: z.string().nullable(), recordId: z.string().nullable(), fields: z.unknown() })),
});
export type ExportResponse = z.infer<typeof exportResponse>;
