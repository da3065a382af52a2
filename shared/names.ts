/** What the screens call a candidate whose personal data was erased (erasure sets the name to null everywhere). */
export const ERASED_CANDIDATE = 'Erased candidate';

/** What they call a candidate outside the user's need-to-know scope (the pull sent no personal data: shared/sync/scope.ts). */
export const OUT_OF_SCOPE_CANDIDATE = 'Candidate outside your scope';

/** A candidate's name for display: their name, or that they were erased or are outside this user's scope. */
export const candidateName = (application: { name?: string | null; redacted?: unknown }): string =>
  application.name ?? (application.redacted === true ? OUT_OF_SCOPE_CANDIDATE : ERASED_CANDIDATE);

/** What the screens call a member of staff whose personal data was erased (their staff record's name is null). */
export const ERASED_STAFF = 'Erased member of staff';

/** A hire's staff record outside the user's need-to-know scope (it follows their application's: shared/sync/scope.ts). */
export const OUT_OF_SCOPE_STAFF = 'Member of staff outside your scope';

/** A member of staff's name for display: their name, or that they were erased or are outside this user's scope. */
export const staffName = (staff: { name?: string | null; redacted?: unknown }): string => staff.name ?? (staff.redacted === true ? OUT_OF_SCOPE_STAFF : ERASED_STAFF);
