import type { UserRole } from '#shared/schema/index';

export const ROLE_NAMES: Record<UserRole, string> = {
  admin: 'Admin',
  central: 'Central team',
  coordinator: 'Recruitment coordinator',
  manager: 'Team manager',
};

/** Who may use which console page: the server refuses everyone else anyway (403). */
export const ADMINS: readonly UserRole[] = ['admin'];
export const RECORD_EDITORS: readonly UserRole[] = ['coordinator', 'central'];
export const AUDIT_READERS: readonly UserRole[] = ['admin', 'central'];
