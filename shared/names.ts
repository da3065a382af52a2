/** What the screens call a candidate whose personal data was erased (erasure sets the name to null everywhere). */
export const ERASED_CANDIDATE = 'Erased candidate';

/** What they call a candidate outside the user's need-to-know scope (the pull sent no personal data: shared/sync/scope.ts). */
export const OUT_OF_SCOPE_CANDIDATE = 'Candidate outside your scope';

/** A candidate's name for display: their name, or that they were erased or are outside this user's scope. */
export const candidateName = (application: { name?: string | null; redacted?: unknown }): string =>
  application.name ?? (application.redacted === true ? OUT_OF_SCOPE_CANDIDATE : ERASED_CANDIDATE);

/** What the screens call a colleague whose staff record was erased, or who is outside this user's scope (shared/sync/scope.ts). */
export const ERASED_STAFF = 'Erased staff member';
export const OUT_OF_SCOPE_STAFF = 'Colleague outside your scope';

/** A staff member's name for display: a redacted or erased staff record has no name (its rule in shared/sync/scope.ts). */
export const staffName = (staff: { name?: string | null; redacted?: unknown }): string =>
  staff.name ?? (staff.redacted === true ? OUT_OF_SCOPE_STAFF : ERASED_STAFF);
