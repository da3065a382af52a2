import type { SignInResult } from '@/sync/account';
import type { SignInReply } from './core';

/** A sign-in's answer for the page; a refused one throws, so the page shows the server's words. `signedIn` runs once it succeeded (a first sync). */
export function signInReply(result: SignInResult, signedIn: () => void): SignInReply {
  if (!result.ok && 'pending' in result) return { signedIn: false, pending: result.pending, previous: result.previous, message: result.error };
  if (!result.ok) throw new Error(result.error);
  signedIn();
  const { me } = result.session;
  return { signedIn: true, user: me.user, organisation: me.organisation, tokenExpiresAt: me.tokenExpiresAt };
}
