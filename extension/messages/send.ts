import type { Reply } from './protocol';

/** Sends a request to the background; returns its Reply (an error Reply if the background is unreachable). */
export async function sendToBackground<T = unknown>(request: { type: string } & Record<string, unknown>): Promise<Reply<T>> {
  try {
    const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
    return reply ?? { ok: false, error: 'No answer from Shortlist' };
  } catch (err) {
    return { ok: false, error: `Shortlist is not answering: ${(err as Error).message}` };
  }
}

/** Like sendToBackground, but throws the error message: for callers that show it themselves. */
export async function ask<T = unknown>(request: { type: string } & Record<string, unknown>): Promise<T> {
  const reply = await sendToBackground<T>(request);
  if (!reply.ok) throw Object.assign(new Error(reply.error), { issues: reply.issues });
  return reply.data;
}
