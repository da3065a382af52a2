import { browser } from '#imports';
import type { BackgroundMessage, Reply, ReplyOf, RequestInput } from '@/messages/protocol';

/**
 * The overlay's way to the background, in the content script and in the frame. Like
 * messages/send.ts but without the protocol's schemas: the background validates every
 * request, and the page's process need not parse zod to send one.
 */
export async function send<K extends BackgroundMessage>(request: RequestInput<K> & { type: K }): Promise<Reply<ReplyOf<K>>> {
  try {
    const reply = (await browser.runtime.sendMessage(request)) as Reply<ReplyOf<K>> | undefined;
    return reply ?? { ok: false, error: 'No answer from Shortlist' };
  } catch (err) {
    return { ok: false, error: `Shortlist is not answering: ${(err as Error).message}` };
  }
}

/** A request to the background; throws the background's message (and its issues) on failure. */
export async function askBackground<K extends BackgroundMessage>(request: RequestInput<K> & { type: K }): Promise<ReplyOf<K>> {
  const reply = await send<K>(request);
  if (!reply.ok) throw new Error([reply.error, ...(reply.issues ?? [])].join(' — '));
  return reply.data;
}
