import type { UserRole } from '../schema/index';

/** Who pushes: always from the credential, never from the body. */
export interface Caller {
  userId: string;
  role: UserRole;
}

/** A user of the caller's organisation, as the push rules need them. */
export interface Person {
  role: UserRole;
  active: boolean;
}

/**
 * The users of the caller's organisation that a push names (managerId, assignedTo, ...). The
 * worker reads those ids from D1 before deciding; the fake holds every user. Null: no such user
 * in this organisation (whether or not one exists elsewhere).
 */
export type PeopleLookup = (userId: string) => Person | null;
