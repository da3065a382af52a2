import type { AuthContext } from '../env';

/** Who the daily retention run acts as: named in the change log and the audit trail as `retention`. */
export const RETENTION_USER_ID = 'retention';

export function retentionActor(orgId: string, orgName: string): AuthContext {
  return {
    orgId,
    orgName,
    userId: RETENTION_USER_ID,
    userName: 'Retention schedule',
    email: '',
    role: 'admin',
    credentialId: RETENTION_USER_ID,
    tokenExpiresAt: '9999-12-31T23:59:59.999Z',
  };
}
