import * as z from 'zod/mini';
import { getDb } from '@/db/database';
import { redeemInvitation, signIn, signOut } from '@/sync/account';
import { checkHealth } from '@/sync/health';
import { answer } from './answer';
import { force } from './core';
import { send } from './send';
import { signInReply } from './sign-in-reply';
import type { Reply } from './spec';

/**
 * What our pages (options, popup) do themselves rather than ask the background: they open the
 * extension's database and storage as the background does, and these run only when a person
 * asks, so the service worker need not carry them (issue 15). Each request is validated by its
 * schema and answered as a Reply, exactly as the background answers its own (answer.ts).
 */

/** A sign-in: a server address (named as its form names it), one credential for it, and `force`. */
function signInRequest<T extends string, C extends z.core.$ZodShape>(type: T, serverLabel: string, credential: C) {
  return z.object({
    type: z.literal(type),
    serverUrl: z.url({ protocol: /^https?$/, error: `${serverLabel} must start with http:// or https://` }),
    ...credential,
    force,
  });
}

/** Signed in: the background syncs at once (it runs every sync), as it did when it signed in itself. */
const syncNow = () => void send({ type: 'syncNow' });

const PAGE_REQUESTS = {
  health: { request: z.object({ type: z.literal('health') }), run: () => checkHealth() },
  signIn: {
    request: signInRequest('signIn', 'Server URL', {
      token: z.string().check(z.trim(), z.minLength(8, { error: 'The access token looks too short: copy it whole' }), z.maxLength(300)),
    }),
    run: async (r: { serverUrl: string; token: string; force: boolean }) => signInReply(await signIn(getDb(), r.serverUrl, r.token, undefined, r.force), syncNow),
  },
  /** A code typed from the invitation email, exchanged once for this browser's token. */
  redeemInvitation: {
    request: signInRequest('redeemInvitation', 'Server address', {
      code: z.string().check(z.trim(), z.minLength(1, { error: 'Enter the code from the invitation email' }), z.maxLength(40)),
    }),
    run: async (r: { serverUrl: string; code: string; force: boolean }) => signInReply(await redeemInvitation(getDb(), r.serverUrl, r.code, undefined, r.force), syncNow),
  },
  signOut: { request: z.object({ type: z.literal('signOut'), force }), run: (r: { force: boolean }) => signOut(getDb(), r.force) },
};

type PageRequests = typeof PAGE_REQUESTS;
export type PageRequest = keyof PageRequests;

/** Runs one of the pages' own requests here, answered as the background answers its messages. */
export function askHere<K extends PageRequest>(
  request: z.input<PageRequests[K]['request']> & { type: K },
): Promise<Reply<Awaited<ReturnType<PageRequests[K]['run']>>>> {
  const spec = PAGE_REQUESTS[request.type];
  return answer(request.type, spec.request, request, spec.run as (r: unknown) => unknown) as never;
}
