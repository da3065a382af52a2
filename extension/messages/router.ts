import type { Browser } from '#imports';
import type { z } from 'zod';
import type { Reply } from './protocol';

type Handler = (request: any, sender: Browser.runtime.MessageSender) => unknown | Promise<unknown>;

interface Route {
  schema: z.ZodType;
  handler: Handler;
  /** Content scripts run inside web pages: only the requests made for them accept their messages. */
  fromContentScripts: boolean;
}

const routes = new Map<string, Route>();

/** Adds a message type to the background. Its schema validates every request before the handler sees it. */
export function registerHandler<S extends z.ZodType>(
  type: string,
  schema: S,
  handler: (request: z.infer<S>, sender: Browser.runtime.MessageSender) => unknown | Promise<unknown>,
  options: { fromContentScripts?: boolean } = {},
): void {
  routes.set(type, { schema, handler, fromContentScripts: options.fromContentScripts ?? false });
}

/** Our popup, options and workspace pages (also when opened in a tab); a content script's URL is its web page's. */
export function isOwnExtensionPage(sender: Browser.runtime.MessageSender, ownId: string, ownOrigin: string): boolean {
  return sender.id === ownId && Boolean(sender.url?.startsWith(ownOrigin));
}

/** Validates, checks the sender, runs the handler, and always answers with a Reply. */
export async function dispatch(message: unknown, sender: Browser.runtime.MessageSender, own: { id: string; origin: string }): Promise<Reply<unknown>> {
  if (sender.id !== own.id) return { ok: false, error: 'Messages from other extensions are not accepted' };
  const type = (message as { type?: unknown } | null)?.type;
  const route = typeof type === 'string' ? routes.get(type) : undefined;
  if (!route) return { ok: false, error: `Unknown request ${JSON.stringify(type)}` };
  const fromPage = isOwnExtensionPage(sender, own.id, own.origin);
  if (!fromPage && !route.fromContentScripts) return { ok: false, error: `"${type}" may only be asked by Shortlist's own pages` };
  // Not one of our pages, so it must be our content script: those always run in a tab.
  if (!fromPage && !sender.tab) return { ok: false, error: `"${type}" came from neither a Shortlist page nor a tab` };
  const parsed = route.schema.safeParse(message);
  if (!parsed.success) {
    return { ok: false, error: `Malformed "${type}" request`, issues: parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`) };
  }
  try {
    return { ok: true, data: await route.handler(parsed.data, sender) };
  } catch (err) {
    // Anything may be thrown (null, undefined, a string): read it without throwing again.
    const issues = (err as { issues?: string[] } | null | undefined)?.issues;
    return { ok: false, error: (err as Error | null | undefined)?.message ?? String(err), ...(Array.isArray(issues) ? { issues } : {}) };
  }
}

/** For tests. */
export function clearHandlers(): void {
  routes.clear();
}
