/**
 * A stand-in for `@/messages/send` (the background) and `@/messages/page-requests` (what the
 * pages answer themselves: sign-in, sign-out, health) in the extension pages' tests: it records
 * every request and answers each with the test's script. Use:
 * `vi.mock('@/messages/send', () => import('./scripted-send'))`, and the same for page-requests.
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

/** The pages' own requests (page-requests.ts), recorded and answered alike. */
export const askHere = send;
