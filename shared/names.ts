/** What the screens call a candidate whose personal data was erased (erasure sets the name to null everywhere). */
export const ERASED_CANDIDATE = 'Erased candidate';

/** A candidate's name for display: their name, or that they were erased. */
export const candidateName = (application: { name?: string | null }): string => application.name ?? ERASED_CANDIDATE;
