import { browser } from '#imports';
import { PROTOCOL, type BackgroundMessage, type Reply, type ReplyOf, type RequestInput, type TabMessage } from './protocol';

/** Sends a request to the background; returns its Reply (an error Reply if the background is unreachable). */
export async function send<K extends BackgroundMessage>(request: RequestInput<K> & { type: K }): Promise<Reply<ReplyOf<K>>> {
  try {
    const reply = (await browser.runtime.sendMessage(request)) as Reply<ReplyOf<K>> | undefined;
    return reply ?? { ok: false, error: 'No answer from Shortlist' };
  } catch (err) {
    return { ok: false, error: `Shortlist is not answering: ${(err as Error).message}` };
  }
}

/** Sends a message to the overlay in a tab; throws when no overlay runs there. */
export async function sendToTab<K extends TabMessage>(tabId: number, request: RequestInput<K> & { type: K }): Promise<void> {
  await browser.tabs.sendMessage(tabId, PROTOCOL[request.type].request.parse(request));
}
