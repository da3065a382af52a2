import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type * as z from 'zod/mini';
import { describeIssues } from '#shared/schema/index';
import { errorBody } from '../errors';

const WHERE: Record<string, string> = { json: 'request body', query: 'query string', param: 'path', header: 'headers' };

/**
 * @hono/zod-validator with the house error shape: 400
 * `{ error: { code: 'invalid_request', message, details: ["field: problem", ...] } }`.
 */
export const validate = <T extends z.ZodMiniType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
  /** Runs first on the raw input, valid or not; may throw an ApiFailure. */
  before?: (raw: unknown) => void,
) =>
  zValidator(target, schema, (result, c) => {
    before?.(result.data);
    if (!result.success) {
      const lines = describeIssues(result.error as unknown as z.core.$ZodError);
      return c.json(errorBody('invalid_request', `The ${WHERE[target] ?? target} is not valid: ${lines.join('; ')}`, lines), 400);
    }
  });
