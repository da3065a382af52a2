import { Hono } from 'hono';
import { z } from 'zod';
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, pushRequestSchema, SYNC_SCHEMA_VERSION, type PullResponse, type PushResponse } from '#shared/schema/index';
import type { AppEnv } from '../env';
import { ApiFailure } from '../errors';
import { validate } from '../middleware/validate';
import { applyMutations } from '../sync/apply';
import { pull } from '../sync/pull';
import { withRetry } from '../db/retry';

export const pullQuerySchema = z.object({
  cursor: z.coerce.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' }).default(0),
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(MAX_PULL_LIMIT, { error: `must be at most ${MAX_PULL_LIMIT}` })
    .default(DEFAULT_PULL_LIMIT),
});

/**
 * The schema version is checked before anything else, so an old client gets 426 with a clear
 * message (and keeps its outbox) rather than a validation error about fields it cannot know.
 */
const schemaVersionFirst = (value: unknown) => {
  const v = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof v === 'number' && v !== SYNC_SCHEMA_VERSION) {
    throw new ApiFailure(
      426,
      'schema_version_unsupported',
      `This server speaks sync schema version ${SYNC_SCHEMA_VERSION}, the extension sent version ${v}: update the extension; your unsent changes stay queued on this computer`,
      { expected: SYNC_SCHEMA_VERSION, got: v },
    );
  }
};

export const sync = new Hono<AppEnv>()
  .post('/push', validate('json', pushRequestSchema, schemaVersionFirst), async (c) => {
    const req = c.req.valid('json');
    const result = await applyMutations(c.env.DB, c.get('auth'), req.mutations, { clientId: req.clientId });
    const body: PushResponse = result;
    return c.json(body, 200);
  })
  .get('/pull', validate('query', pullQuerySchema), async (c) => {
    const { cursor, limit } = c.req.valid('query');
    const body: PullResponse = await withRetry(() => pull(c.env.DB, c.get('auth').orgId, cursor, limit));
    return c.json(body, 200);
  });
