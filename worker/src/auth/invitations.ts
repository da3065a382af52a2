import { INVITATION_ALPHABET, INVITATION_CODE_LENGTH, INVITATION_DAYS, INVITE_PATH, formatInvitationCode, type CreatedInvitation } from '#shared/api/index';
import { hashToken } from './tokens';

/** 12 characters from a 32-letter alphabet: each random byte's low 5 bits pick one, so no letter is likelier than another. */
export function generateInvitationCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(INVITATION_CODE_LENGTH));
  return [...bytes].map((b) => INVITATION_ALPHABET[b & 31]).join('');
}

/** Codes are hashed like tokens (SHA-256 hex of the normalised code): the table never holds one. */
export const hashInvitationCode = (code: string) => hashToken(`invite:${code}`);

/**
 * A new invitation for a user and the statements that store it: the user's open invitations are
 * revoked first (only the newest one works), and the insert adds nothing unless the user is active.
 */
export async function prepareInvitation(db: D1Database, orgId: string, userId: string, createdBy: string | null, origin: string, now = new Date()) {
  const code = generateInvitationCode();
  const id = crypto.randomUUID();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
  const statements = [
    db.prepare('UPDATE invitations SET revoked_at = ?3 WHERE org_id = ?1 AND user_id = ?2 AND redeemed_at IS NULL AND revoked_at IS NULL').bind(orgId, userId, now.toISOString()),
    db
      .prepare(
        `INSERT INTO invitations (id, org_id, user_id, code_hash, created_by, created_at, expires_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE EXISTS (SELECT 1 FROM users WHERE org_id = ?2 AND id = ?3 AND active = 1)`,
      )
      .bind(id, orgId, userId, await hashInvitationCode(code), createdBy, now.toISOString(), expiresAt),
  ];
  const invitation: CreatedInvitation = { id, code: formatInvitationCode(code), link: `${origin}${INVITE_PATH}${formatInvitationCode(code)}`, expiresAt };
  return { statements, invitation };
}

/** Revokes a user's open invitations (deactivation): a link still in someone's inbox stops working too. */
export const revokeOpenInvitations = (db: D1Database, orgId: string, userId: string, at: string) =>
  db.prepare('UPDATE invitations SET revoked_at = ?3 WHERE org_id = ?1 AND user_id = ?2 AND redeemed_at IS NULL AND revoked_at IS NULL').bind(orgId, userId, at);
