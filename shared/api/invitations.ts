import * as z from 'zod/mini';
import { instant } from './instant';
import { namedRef } from './accounts';

/**
 * Invitation codes: 12 characters of Crockford's base32 (no I, L, O, U: nothing to misread when
 * typed from an email), shown in groups of four ("K7QM-2XHD-9RTB"). 60 random bits, single use,
 * valid 7 days, redeemed behind a per-address limit on failures: not guessable in that time.
 */
export const INVITATION_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const INVITATION_CODE_LENGTH = 12;
export const INVITATION_DAYS = 7;

/** The code as stored and hashed: upper case, without spaces or dashes; I/L read as 1, O as 0. */
export function normaliseInvitationCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
}

export const isInvitationCode = (code: string) => code.length === INVITATION_CODE_LENGTH && [...code].every((ch) => INVITATION_ALPHABET.includes(ch));

/** "K7QM2XHD9RTB" → "K7QM-2XHD-9RTB". */
export const formatInvitationCode = (code: string) => normaliseInvitationCode(code).replace(/(.{4})(?=.)/g, '$1-');

/** A code as a person may type it (dashes, spaces, lower case), normalised; the error says what a code looks like. */
export const invitationCode = z
  .pipe(z.string().check(z.maxLength(40, { error: 'an invitation code is 12 letters and digits, like K7QM-2XHD-9RTB' })), z.transform(normaliseInvitationCode))
  .check(z.refine(isInvitationCode, { error: 'an invitation code is 12 letters and digits, like K7QM-2XHD-9RTB' }));

/** `POST /v1/invitations/redeem` (no token: the code is the credential). */
export const redeemInvitationRequest = z.object({ code: invitationCode });
export type RedeemInvitationRequest = z.input<typeof redeemInvitationRequest>;

export const redeemInvitationResponse = z.object({
  /** A bearer token for this browser; only its hash is stored. */
  token: z.string(),
  expiresAt: instant,
  user: namedRef,
  organisation: namedRef,
});
export type RedeemInvitationResponse = z.infer<typeof redeemInvitationResponse>;

/** A new invitation as the admin sees it once: the code and the link to send by their own email. */
export const createdInvitation = z.object({
  id: z.string(),
  code: z.string(),
  link: z.string(),
  expiresAt: instant,
});
export type CreatedInvitation = z.infer<typeof createdInvitation>;

/** The path of an invitation's link on the server (the extension's content script matches it). */
export const INVITE_PATH = '/invite/';
export const invitationLinkCode = (pathname: string): string | null => {
  if (!pathname.startsWith(INVITE_PATH)) return null;
  const code = normaliseInvitationCode(decodeURIComponent(pathname.slice(INVITE_PATH.length)).replace(/\/+$/, ''));
  return isInvitationCode(code) ? code : null;
};
