import '#shared/schema/english';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv, Env } from './env';
import { ApiFailure } from './errors';
import { forgetsCredentials, requireAuth } from './middleware/auth';
import { extensionCors } from './middleware/cors';
import { notFound, onError } from './middleware/errors';
import { addressLimit, rateLimit } from './middleware/rate-limit';
import { requireRole } from './middleware/roles';
import { admin } from './routes/admin';
import { health } from './routes/health';
import { invitations } from './routes/invitations';
import { me } from './routes/me';
import { openapi } from './routes/openapi';
import { people } from './routes/people';
import { peopleAdmin } from './routes/people-admin';
import { reports } from './routes/reports';
import { auditRead } from './routes/audit-read';
import { subjectAccess } from './routes/subject-access';
import { erasureProgress } from './routes/erasure-progress';
import { runRetention } from './retention/run';
import { sync } from './routes/sync';

// Not exported: workerd treats every named export of the main module as an entrypoint.
const MAX_BODY_BYTES = 2 * 1024 * 1024;

const adminOnly = requireRole(['admin'], 'the admin API is for admins');
// The audit trail is read by the central team too (issue 12), not by coordinators or managers.
const auditReaders = requireRole(['admin', 'central'], 'the audit trail is for admins and the central team');

const app = new Hono<AppEnv>()
  .use(secureHeaders())
  .use(extensionCors)
  .use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiFailure(413, 'payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; push fewer mutations at a time`);
      },
    }),
  )
  // Every route that queries D1 is limited before its first query: /health per address,
  // /v1/* per address for failed token look-ups (in requireAuth), then per credential.
  .use('/health', addressLimit)
  // Before /v1/*'s authentication: redeeming an invitation has no token yet (its own limits).
  .route('/', invitations)
  .use('/v1/*', requireAuth, rateLimit)
  // The only routes that change users or tokens: this isolate's cached credentials of the
  // organisation are dropped after them (middleware/auth.ts; tests/worker/credential-cache.test.ts checks the list).
  .use('/v1/admin/*', forgetsCredentials)
  .use('/v1/me/*', forgetsCredentials)
  .use('/v1/admin/*', (c, next) => (c.req.path === '/v1/admin/audit' ? auditReaders(c, next) : adminOnly(c, next)))
  .route('/health', health)
  .route('/openapi.json', openapi)
  .route('/v1/me', me)
  .route('/v1/people', people)
  .route('/v1/sync', sync)
  .route('/v1/admin/audit', auditRead)
  .route('/v1/admin/subject-access', subjectAccess)
  .route('/v1/admin/erasures', erasureProgress)
  .route('/v1/admin', admin)
  .route('/v1/admin', peopleAdmin)
  .route('/v1/reports', reports)
  .notFound(notFound)
  .onError(onError);

export type AppType = typeof app;

/**
 * The daily cron trigger (wrangler.jsonc `triggers.crons`; `curl 127.0.0.1:8787/__scheduled`
 * under `wrangler dev --test-scheduled`): retention of personal data and of the logs.
 */
async function scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
  ctx.waitUntil(runRetention(env.DB, new Date(controller.scheduledTime)).then(() => undefined));
}

// The Hono app stays the default export (tests call app.request and read app.routes);
// workerd finds `fetch` and `scheduled` on it.
export default Object.assign(app, { scheduled });
