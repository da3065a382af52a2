import { Hono } from 'hono';
import { pushRequestSchema, type PullResponse, type PushResponse } from '#shared/schema/index';
import { pullQuerySchema } from '#shared/sync/pull';
import { schemaVersionRefusal } from '#shared/sync/refusals';
import type { AppEnv } from '../env';
import { validate } from '../middleware/validate';
import { applyMutations } from '../sync/apply';
import { pull } from '../sync/pull';
import { refusedWith } from '../sync/refused';
import { withRetry } from '../db/retry';

/** openapi.ts documents the pull query from here. */
export { pullQuerySchema };

/** An old client gets 426 before any validation error about fields it cannot know. */
const schemaVersionFirst = (value: unknown) => {
  const r = schemaVersionRefusal(value);
  if (r) throw refusedWith(r);
};

export const sync = new Hono<AppEnv>()
  .post('/push', validate('json', pushRequestSchema, schemaVersionFirst), async (c) => {
    const req = c.req.valid('json');
    const result = await applyMutations(c.env.DB, c.get('auth'), req.mutations, { clientId: req.clientId });
    const body: PushResponse = result;
    return c.json(body, 200);
  })
  .get('/pull', validate('query', pullQuerySchema), async (c) => {
    const { cursor, limit, scope } = c.req.valid('query');
    const body: PullResponse = await withRetry(() => pull(c.env.DB, c.get('auth'), cursor, limit, scope));
    return c.json(body, 200);
  });
