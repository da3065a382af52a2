import { Hono, type MiddlewareHandler } from 'hono';
import { formatInvitationCode, INVITATION_DAYS, invitationLinkCode, redeemInvitationRequest, type RedeemInvitationResponse } from '#shared/api/index';
import type { AppEnv } from '../env';
import { authContextOf, type AccountRow } from '../auth/account';
import { ApiFailure } from '../errors';
import { hashInvitationCode } from '../auth/invitations';
import { prepareToken } from '../auth/tokens';
import { addressLimit, signInFailures } from '../middleware/rate-limit';
import { validate } from '../middleware/validate';
import { auditRow } from './audit';

/** Days a token from an invitation lasts (the admin API's default). */
const TOKEN_DAYS = 90;
const ASK = 'ask your admin to send a new invitation';

interface InvitationRow extends AccountRow {
  id: string;
  redeemed_at: string | null;
}

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:3em auto;padding:0 1em;color:#1b1b1b}
code{font-size:1.4em;letter-spacing:.08em;background:#f3f2f1;padding:.1em .3em}#shortlist-sign-in:empty{display:none}
#shortlist-sign-in{margin:1.5em 0;padding:1em;border:2px solid #1d70b8}</style></head>
<body><main>${body}</main></body></html>`;

/** The invitation link's page: plain HTML saying what to do; Shortlist's content script adds its button to #shortlist-sign-in. */
function invitePage(code: string | null): string {
  if (!code) return page('Not a Shortlist invitation', '<h1>This link is not a Shortlist invitation</h1><p>Check that the whole link was copied from the email, or ask your admin to send a new invitation.</p>');
  const shown = formatInvitationCode(code);
  return page(
    'Sign in to Shortlist',
    `<h1>You are invited to Shortlist</h1>
<p>Your council's admin has invited you to Shortlist, the recruitment tracker for children's social work.</p>
<div id="shortlist-sign-in" aria-live="polite"></div>
<h2>If Shortlist is installed in this browser</h2>
<p>A <strong>Sign in to Shortlist</strong> button appears above. Press it and this browser is signed in: there is nothing to copy.</p>
<h2>If it is not, or you use another browser</h2>
<ol><li>Install Shortlist (your council's IT or admin will say where from).</li>
<li>Open Shortlist's settings page and choose <strong>I have an invitation code</strong>.</li>
<li>Enter this code: <code>${shown}</code></li></ol>
<p>The code works once, within ${INVITATION_DAYS} days of when it was sent. Do not forward it: whoever uses it first signs in as you.</p>`,
  );
}

/**
 * Refused before any D1 query once the address has too many failed sign-ins; every refused
 * redemption (a malformed, unknown, used, expired code...) counts as one, like a failed token look-up.
 */
const countFailures: MiddlewareHandler<AppEnv> = async (c, next) => {
  signInFailures.refuseIfOver(c);
  await next();
  if (c.res.status >= 400 && c.res.status !== 429) signInFailures.record(c);
};

/**
 * Invitations, without a bearer token (the code is the credential), so mounted before /v1/*'s
 * authentication. Every failed redemption counts with the failed token look-ups of its address,
 * which is refused before any D1 query once over the limit.
 */
export const invitations = new Hono<AppEnv>()
  .get('/invite/:code', (c) => {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    const code = invitationLinkCode(new URL(c.req.url).pathname);
    return c.html(invitePage(code), code ? 200 : 404);
  })
  .post(
    '/v1/invitations/redeem',
    addressLimit,
    countFailures,
    validate('json', redeemInvitationRequest),
    async (c) => {
      const db = c.env.DB;
      const { code } = c.req.valid('json');
      const row = await db
        .prepare(
          `SELECT i.id, i.org_id, o.name AS org_name, i.user_id, u.name AS user_name, u.email, u.role, u.active, i.expires_at, i.redeemed_at, i.revoked_at
             FROM invitations i JOIN users u ON u.id = i.user_id AND u.org_id = i.org_id JOIN organisations o ON o.id = i.org_id
            WHERE i.code_hash = ?1`,
        )
        .bind(await hashInvitationCode(code))
        .first<InvitationRow>();
      const now = new Date();
      const fail = (status: 400 | 403 | 410, errorCode: string, message: string) => new ApiFailure(status, errorCode, message);
      if (!row) throw fail(400, 'invalid_invitation', `This invitation code is not recognised: check it against the email, or ${ASK}`);
      const auth = authContextOf(row, '', '');
      if (row.redeemed_at) throw fail(410, 'invitation_used', `This invitation was already used on ${row.redeemed_at.slice(0, 10)}; ${ASK}`);
      if (row.revoked_at) throw fail(410, 'invitation_revoked', `This invitation was replaced or withdrawn on ${row.revoked_at.slice(0, 10)}; ${ASK}`);
      if (!row.active) throw fail(403, 'user_inactive', 'Your account has been deactivated; ask your admin if this is a mistake');
      if (row.expires_at <= now.toISOString()) {
        await auditRow(db, { ...auth, credentialId: null as unknown as string /* no token yet */ }, 'invitation_expired_attempt', 'invitations', row.id, null).run();
        throw fail(410, 'invitation_expired', `This invitation expired on ${row.expires_at.slice(0, 10)}; ${ASK}`);
      }
      const token = await prepareToken(db, row.org_id, row.user_id, TOKEN_DAYS);
      // Claimed alone first: of two browsers redeeming at once, exactly one changes the row.
      const claimed = await db
        .prepare('UPDATE invitations SET redeemed_at = ?2, credential_id = ?3 WHERE id = ?1 AND redeemed_at IS NULL AND revoked_at IS NULL AND expires_at > ?2')
        .bind(row.id, now.toISOString(), token.id)
        .run();
      if (!claimed.meta.changes) throw fail(410, 'invitation_used', `This invitation has just been used; ${ASK}`);
      const [inserted] = await db.batch([token.statement, auditRow(db, { ...auth, credentialId: token.id }, 'redeem_invitation', 'invitations', row.id, null)]);
      if (!inserted!.meta.changes) throw fail(403, 'user_inactive', 'Your account was deactivated meanwhile; ask your admin if this is a mistake');
      const body: RedeemInvitationResponse = {
        token: token.token,
        expiresAt: token.expiresAt,
        user: { id: row.user_id, name: row.user_name },
        organisation: { id: row.org_id, name: row.org_name },
      };
      return c.json(body, 200);
    },
  );
