import type { BackgroundMessage, ReplyOf, RequestInput } from '@/messages/protocol';
import { send } from '@/messages/send';

/** A request from the page overlay to the background; throws the background's message (and its issues) on failure. */
export async function askBackground<K extends BackgroundMessage>(request: RequestInput<K> & { type: K }): Promise<ReplyOf<K>> {
  const reply = await send<K>(request);
  if (!reply.ok) throw new Error([reply.error, ...(reply.issues ?? [])].join(' — '));
  return reply.data;
}
