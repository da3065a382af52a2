import type { HealthReply, Request } from './protocol';

type Reply<R extends Request> = R extends { type: 'health' } ? HealthReply : never;

/** Sends a typed request to the background and returns its typed reply. */
export function sendToBackground<R extends Request>(request: R): Promise<Reply<R>> {
  return browser.runtime.sendMessage(request) as Promise<Reply<R>>;
}
