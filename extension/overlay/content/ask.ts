import { sendToBackground } from '@/messages/send';

/** A request from the page overlay to the background; throws the background's message on failure. */
export async function askBackground<T>(request: { type: string } & Record<string, unknown>): Promise<T> {
  const reply = await sendToBackground<T>(request);
  if (!reply.ok) throw new Error([reply.error, ...(reply.issues ?? [])].join(' — '));
  return reply.data;
}
