/**
 * A stand-in for `@/messages/send` in the extension pages' tests: it records every request and
 * answers each with the test's script. Use: `vi.mock('@/messages/send', () => import('./scripted-send'))`.
 */
export type SentRequest = { type: string } & Record<string, unknown>;

/** Every request the page sent, oldest first (a test empties it in its beforeEach). */
export const sent: SentRequest[] = [];
let script: (request: SentRequest) => unknown = () => undefined;

/** What the background answers from now on: the reply's data for each request. */
export function answerWith(answer: (request: SentRequest) => unknown): void {
  script = answer;
}

export async function send(request: SentRequest) {
  sent.push(request);
  return { ok: true, data: script(request) };
}
