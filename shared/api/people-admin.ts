import * as z from 'zod/mini';
import { instant } from './instant';
import { id, text, userRole } from '../schema/index';
import { namedRef, userAccount } from './accounts';
import { createdInvitation } from './invitations';

/** Request and response shapes of the admin console's people routes (/v1/admin/people, /v1/admin/organisation). */

const email = z.email({ error: 'must be an email address' }).check(z.maxLength(254, { error: 'must be at most 254 characters' }));
const teamId = z.nullable(id);

export const addPersonRequest = z.object({ name: text(120), email, role: userRole, teamId: z.optional(teamId) });
export type AddPersonRequest = z.input<typeof addPersonRequest>;

export const updatePersonRequest = z
  .object({ role: z.optional(userRole), teamId: z.optional(teamId), active: z.optional(z.boolean({ error: 'must be true or false' })), name: z.optional(text(120)) })
  .check(z.refine((v) => Object.keys(v).length > 0, { error: 'send at least one of role, teamId, active, name' }));
export type UpdatePersonRequest = z.input<typeof updatePersonRequest>;

export const personRow = z.extend(userAccount, {
  teamId: z.nullable(z.string()),
  /** The latest use of any of their tokens (to 5 minutes), or null if never. */
  lastSeenAt: z.nullable(instant),
  /** Tokens neither revoked nor expired: browsers (or scripts) signed in. */
  activeTokens: z.number(),
  /** Expiry of their open invitation, if one waits to be used. */
  invitationExpiresAt: z.nullable(instant),
});
export type PersonRow = z.infer<typeof personRow>;

export const peopleListResponse = z.object({ people: z.array(personRow) });
export type PeopleListResponse = z.infer<typeof peopleListResponse>;

/** A person added, changed or reactivated; `invitation` when one was created (shown once). */
export const personResponse = z.object({ person: personRow, invitation: z.optional(createdInvitation) });
export type PersonResponse = z.infer<typeof personResponse>;

/**
 * A user id in a path: UUIDs from the admin API, readable ids (`user-priya`) from the demo council
 * and older scripts; letters, digits and dashes only.
 */
export const userIdParam = z.object({
  id: z.string().check(z.minLength(1, { error: 'must be a user id' }), z.maxLength(100, { error: 'must be a user id' }), z.regex(/^[A-Za-z0-9-]+$/, { error: 'must be a user id' })),
});

export const invitationResponse = z.object({ invitation: createdInvitation });

export const updateOrganisationRequest = z.object({ name: text(200) });
export const organisationResponse = z.object({ organisation: namedRef });
