import type * as z from 'zod/mini';
import type { Reply } from './spec';

/**
 * Validates a request by its schema, runs its handler, and always answers with a Reply: the
 * background's way (router.ts) and our pages' for the requests they answer themselves
 * (page-requests.ts), so a refusal reads the same wherever it is answered.
 */
export async function answer<S extends z.ZodMiniType>(type: string, schema: S, message: unknown, run: (request: z.output<S>) => unknown): Promise<Reply<unknown>> {
  const parsed = schema.safeParse(message);
  if (!parsed.success) {
    return { ok: false, error: `Malformed "${type}" request`, issues: parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`) };
  }
  try {
    return { ok: true, data: await run(parsed.data) };
  } catch (err) {
    // Anything may be thrown (null, undefined, a string): read it without throwing again.
    const issues = (err as { issues?: string[] } | null | undefined)?.issues;
    return { ok: false, error: (err as Error | null | undefined)?.message ?? String(err), ...(Array.isArray(issues) ? { issues } : {}) };
  }
}
