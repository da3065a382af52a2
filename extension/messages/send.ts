import { browser } from '#imports';
import type { BackgroundMessage, Reply, ReplyOf, RequestInput } from './protocol';

/**
 * Sends a request to the background; returns its Reply (an error Reply if the background is
 * unreachable). Types only from the protocol: the background validates every request, so a
 * content script that sends one need not carry zod (see the bundle budget).
 */
export async function send<K extends BackgroundMessage>(request: RequestInput<K> & { type: K }): Promise<Reply<ReplyOf<K>>> {
  try {
    const reply = (await browser.runtime.sendMessage(request)) as Reply<ReplyOf<K>> | undefined;
    return reply ?? { ok: false, error: 'No answer from Shortlist' };
  } catch (err) {
    return { ok: false, error: `Shortlist is not answering: ${(err as Error).message}` };
  }
}
