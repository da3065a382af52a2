import type { BackgroundMessage, ReplyOf, RequestInput } from '@/messages/protocol';
import { send } from '@/messages/send';

/** The overlay's way to the background, in the content script and in the frame: messages/send, zod-free. */
export { send };

/** A request to the background; throws the background's message (and its issues) on failure. */
export async function askBackground<K extends BackgroundMessage>(request: RequestInput<K> & { type: K }): Promise<ReplyOf<K>> {
  const reply = await send<K>(request);
  if (!reply.ok) throw new Error([reply.error, ...(reply.issues ?? [])].join(' — '));
  return reply.data;
}
