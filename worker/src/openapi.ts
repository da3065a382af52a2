import * as z from 'zod/mini';
import {
  addPersonRequest,
  adminUser,
  invitationResponse,
  organisationResponse,
  peopleListResponse,
  personResponse,
  redeemInvitationRequest,
  redeemInvitationResponse,
  updateOrganisationRequest,
  updatePersonRequest,
  userIdParam,
  apiErrorSchema,
  auditQuery,
  auditResponse,
  subjectAccessQuery,
  subjectAccessResponse,
  createdTokenResponse,
  createTokenRequest,
  createUserRequest,
  eraseRequest,
  eraseResponse,
  erasureProgressResponse,
  idParam,
  exportQuery,
  exportResponse,
  healthResponseSchema,
  listUsersResponse,
  meResponseSchema,
  peopleResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  reportQuery,
  revokeTokenResponse,
  updateUserRequest,
} from '#shared/api/index';
import { pushRequestSchema, settingsSchema, SYNC_TABLES } from '#shared/schema/index';
import { APP_VERSION } from '#shared/version';
import { pullQuerySchema } from './routes/sync';

const js = (schema: z.ZodMiniType, io: 'input' | 'output' = 'output') => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};
const json = (schema: z.ZodMiniType, io: 'input' | 'output' = 'output') => ({ 'application/json': { schema: js(schema, io) } });

const ERRORS: Record<string, string> = {
  '400': 'Invalid request (code invalid_request, invalid_json or invalid_mutations); message lists "field: problem" lines',
  '401': 'Missing, unknown, expired or revoked token, or deactivated user',
  '403': 'The role may not do this (code forbidden); message names the mutation and why',
  '404': 'No such route or record in your organisation',
  '413': 'Body over 2 MB',
  '429': 'Too many requests with this token, or failed sign-ins from this address (Retry-After)',
  '500': 'Unexpected server error (no details)',
};
const errors = (...codes: string[]) =>
  Object.fromEntries(codes.map((c) => [c, { description: ERRORS[c] ?? 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]));
const STD = ['400', '401', '403', '429', '500'];

/** Turns a zod object schema of a query or path into OpenAPI parameters. */
function params(schema: z.ZodMiniType, where: 'query' | 'path') {
  const s = js(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, sch]) => ({ name, in: where, required: where === 'path' || (s.required ?? []).includes(name), schema: sch }));
}

const idPath = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }];

/** The OpenAPI 3.1 document of the worker, built from the same zod schemas the routes validate with. */
export function openApiDocument() {
  const ok = (description: string, schema: z.ZodMiniType, status = '200') => ({ [status]: { description, content: json(schema) } });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Shortlist sync API',
      version: APP_VERSION,
      description:
        'Sync backend of the Shortlist extension. Every /v1 route needs `Authorization: Bearer <token>`; the organisation and user come from the token. Every failure answers `{ error: { code, message, details? } }`.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token from an invitation (POST /v1/invitations/redeem), or from an admin for scripts (npm run admin -- create-token, or POST /v1/admin/users/{id}/tokens)' } },
      schemas: {
        Error: js(apiErrorSchema),
        ...Object.fromEntries(Object.entries(SYNC_TABLES).map(([t, d]) => [`record_${t}`, js(d.schema)])),
      },
    },
    paths: {
      '/health': { get: { summary: 'Liveness and D1 reachability', security: [], responses: { ...ok('Healthy', healthResponseSchema), '503': { description: 'D1 unreachable' } } } },
      '/openapi.json': { get: { summary: 'This document', security: [], responses: { '200': { description: 'OpenAPI 3.1 document' } } } },
      '/v1/people': { get: { summary: "Names and roles of the organisation's users (for rota and queues; no contact details)", responses: { ...ok('People', peopleResponseSchema), ...errors('401', '429') } } },
      '/v1/me': { get: { summary: 'Who the token belongs to, the organisation and its settings', responses: { ...ok('Me', meResponseSchema), ...errors('401', '429') } } },
      '/v1/me/sign-out': {
        post: {
          summary: 'Revoke the calling token (sign-out); the user\'s other tokens keep working',
          responses: { ...ok('Signed out', z.object({ signedOut: z.literal(true), revokedAt: z.string() })), ...errors('401', '429') },
        },
      },
      '/v1/sync/push': {
        post: {
          summary: 'Push a client\'s mutations (idempotent; applied in seq order; field-level last writer wins)',
          requestBody: { required: true, content: json(pushRequestSchema, 'input') },
          responses: {
            ...ok('Applied (or skipped as already applied)', pushResponseSchema),
            ...errors(...STD, '413'),
            '409': { description: 'sequence_gap (details.expected) or client_mismatch', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
            '426': { description: 'schema_version_unsupported: update the extension; keep the outbox', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
            '503': { description: 'busy: retry the same push', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          },
        },
      },
      '/v1/sync/pull': {
        get: {
          summary: 'Changes after a cursor, in server order, paged',
          parameters: params(pullQuerySchema, 'query'),
          responses: {
            ...ok('A page of changes', pullResponseSchema),
            ...errors('400', '401', '429', '500'),
            '409': { description: 'cursor_below_floor: the change log below details.floor was compacted; cursor_ahead: the cursor is beyond the log; scope_changed: the reader\'s need-to-know scope changed (details.scope); pull again from cursor 0', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          },
        },
      },
      '/v1/reports/summary': {
        get: { summary: 'The shared measures over the whole organisation', parameters: params(reportQuery, 'query'), responses: { '200': { description: 'Report (shared/measures Report)' }, ...errors('400', '401', '429', '500') } },
      },
      '/v1/admin/users': {
        get: { summary: 'Users of the organisation with their tokens (admin)', responses: { ...ok('Users', listUsersResponse), ...errors('401', '403', '429') } },
        post: { summary: 'Create a user (admin)', requestBody: { required: true, content: json(createUserRequest, 'input') }, responses: { ...ok('Created', z.object({ user: adminUser }), '201'), ...errors(...STD), '409': { description: 'user_exists' } } },
      },
      '/v1/admin/users/{id}': {
        patch: { summary: 'Change a user\'s role, name or active flag (admin)', parameters: idPath, requestBody: { required: true, content: json(updateUserRequest, 'input') }, responses: { ...ok('Updated', z.object({ user: adminUser })), ...errors(...STD, '404'), '409': { description: 'last_admin: the organisation would be left without an active admin' } } },
      },
      '/v1/admin/users/{id}/tokens': {
        post: { summary: 'Issue a token for a user; shown once (admin)', parameters: idPath, requestBody: { content: json(createTokenRequest, 'input') }, responses: { ...ok('Token', createdTokenResponse, '201'), ...errors(...STD, '404') } },
      },
      '/v1/admin/tokens/{id}': {
        delete: { summary: 'Revoke a token (admin)', parameters: idPath, responses: { ...ok('Revoked', revokeTokenResponse), ...errors(...STD, '404') } },
      },
      '/v1/admin/settings': {
        put: { summary: 'Replace the organisation\'s settings (admin)', requestBody: { required: true, content: json(settingsSchema, 'input') }, responses: { ...ok('Saved', z.object({ settings: settingsSchema })), ...errors(...STD) } },
      },
      '/invite/{code}': {
        get: {
          summary: 'The invitation link: a plain page (no script) saying how to sign in; Shortlist offers a one-click sign-in on it',
          security: [],
          parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'HTML page' }, '404': { description: 'Not an invitation code (HTML page saying so)' } },
        },
      },
      '/v1/invitations/redeem': {
        post: {
          summary: 'Exchange a one-time invitation code for a bearer token (no token needed; failures count against the address, 429 before any query once over the limit)',
          security: [],
          requestBody: { required: true, content: json(redeemInvitationRequest, 'input') },
          responses: {
            ...ok('Signed in: the token for this browser', redeemInvitationResponse),
            ...errors('400', '429', '500'),
            '403': { description: 'user_inactive: the invited person is deactivated' },
            '410': { description: 'invitation_used, invitation_revoked (a newer one was made, or the person deactivated) or invitation_expired (audited)' },
          },
        },
      },
      '/v1/admin/people': {
        get: { summary: 'People of the organisation with team, last seen, active tokens and open invitation (admin)', responses: { ...ok('People', peopleListResponse), ...errors('401', '403', '429') } },
        post: {
          summary: 'Add a person and make their one-time invitation (7 days, single use; shown once) (admin)',
          requestBody: { required: true, content: json(addPersonRequest, 'input') },
          responses: { ...ok('Added, with the invitation', personResponse, '201'), ...errors(...STD), '409': { description: 'user_exists' } },
        },
      },
      '/v1/admin/people/{id}': {
        patch: {
          summary: "Change a person's role, team, name or active flag; deactivation revokes their tokens and open invitation, reactivation makes a new invitation (admin)",
          parameters: params(userIdParam, 'path'),
          requestBody: { required: true, content: json(updatePersonRequest, 'input') },
          responses: { ...ok('Updated (with the invitation on reactivation)', personResponse), ...errors(...STD, '404'), '409': { description: 'last_admin: the organisation would be left without an active admin' } },
        },
      },
      '/v1/admin/people/{id}/invitations': {
        post: { summary: 'A new invitation for an active person; their open one stops working (admin)', parameters: params(userIdParam, 'path'), responses: { ...ok('Invitation', invitationResponse, '201'), ...errors(...STD, '404'), '409': { description: 'user_inactive' } } },
      },
      '/v1/admin/organisation': {
        patch: { summary: "The council's name as every browser shows it (admin)", requestBody: { required: true, content: json(updateOrganisationRequest, 'input') }, responses: { ...ok('Renamed', organisationResponse), ...errors(...STD) } },
      },
      '/v1/admin/export': {
        get: { summary: 'Subject access request: everything held about one candidate (admin)', parameters: params(exportQuery, 'query'), responses: { ...ok('Export', exportResponse), ...errors(...STD, '404') } },
      },
      '/v1/admin/subject-access': {
        get: {
          summary: 'Subject access by person: every application, stage event (with notes), check, conflict and audit entry of one person, found by email, ATS reference or name; format=csv for a readable file (admin; audited)',
          parameters: params(subjectAccessQuery, 'query'),
          responses: { ...ok('Everything held about the person (or text/csv with format=csv)', subjectAccessResponse), ...errors(...STD) },
        },
      },
      '/v1/admin/audit': {
        get: {
          summary: 'The audit trail, newest first, filtered by record, person (their application ids), user and time, paged by cursor (admin and central)',
          parameters: params(auditQuery, 'query'),
          responses: { ...ok('A page of audit entries', auditResponse), ...errors(...STD) },
        },
      },
      '/v1/admin/erasures/{id}': {
        get: {
          summary: "An application's erasure across the council's browsers: each active browser (live token, pulled within activeClientDays) and whether it has pulled past the erasure (admin)",
          parameters: params(idParam, 'path'),
          responses: { ...ok('Progress of the erasure', erasureProgressResponse), ...errors(...STD, '404') },
        },
      },
      '/v1/admin/erase': {
        post: { summary: 'Erase a candidate (applicationId) or a member of staff (staffId): personal fields to null everywhere, offline copies too (admin)', requestBody: { required: true, content: json(eraseRequest, 'input') }, responses: { ...ok('Erased', eraseResponse), ...errors(...STD, '404') } },
      },
    },
  };
}
