import type { AuthContext } from '../env';

/** The organisation and user columns that a credential's and an invitation's look-ups both select, with the row's own dates. */
export interface AccountRow {
  org_id: string;
  org_name: string;
  user_id: string;
  user_name: string;
  email: string;
  role: AuthContext['role'];
  active: number;
  expires_at: string;
  revoked_at: string | null;
}

/** Who is calling, from a looked-up row: never from the request. */
export const authContextOf = (row: AccountRow, credentialId: string, tokenExpiresAt: string): AuthContext => ({
  orgId: row.org_id,
  orgName: row.org_name,
  userId: row.user_id,
  userName: row.user_name,
  email: row.email,
  role: row.role,
  credentialId,
  tokenExpiresAt,
});
