import { z } from 'zod';
import { instant } from './instant';
import { id, text, userRole } from '../schema/index';
import { namedRef, userAccount } from './accounts';
import { createdInvitation } from './invitations';

/** Request and response shapes of the admin console's people routes (/v1/admin/people, /v1/admin/organisation). */

const email = z.email({ error: 'must be an email address' }).max(254, { error: 'must be at most 254 characters' });
const teamId = id.nullable();

export const addPersonRequest = z.object({ name: text(120), email, role: userRole, teamId: teamId.optional() });
export type AddPersonRequest = z.input<typeof addPersonRequest>;

export const updatePersonRequest = z
  .object({ role: userRole.optional(), teamId: teamId.optional(), active: z.boolean({ error: 'must be true or false' }).optional(), name: text(120).optional() })
  .refine((v) => Object.keys(v).length > 0, { error: 'send at least one of role, teamId, active, name' });
export type UpdatePersonRequest = z.input<typeof updatePersonRequest>;

export const personRow = userAccount.extend({
  teamId: z.string().nullable(),
  /** The latest use of any of their tokens (to 5 minutes), or null if never. */
  lastSeenAt: instant.nullable(),
  /** Tokens neither revoked nor expired: browsers (or scripts) signed in. */
  activeTokens: z.number(),
  /** Expiry of their open invitation, if one waits to be used. */
  invitationExpiresAt: instant.nullable(),
});
export type PersonRow = z.infer<typeof personRow>;

export const peopleListResponse = z.object({ people: z.array(personRow) });
export type PeopleListResponse = z.infer<typeof peopleListResponse>;

/** A person added, changed or reactivated; `invitation` when one was created (shown once). */
export const personResponse = z.object({ person: personRow, invitation: createdInvitation.optional() });
export type PersonResponse = z.infer<typeof personResponse>;

/**
 * A user id in a path: UUIDs from the admin API, readable ids (`user-priya`) from the demo council
 * and older scripts; letters, digits and dashes only.
 */
export const userIdParam = z.object({
  id: z.string().min(1, { error: 'must be a user id' }).max(100, { error: 'must be a user id' }).regex(/^[A-Za-z0-9-]+$/, { error: 'must be a user id' }),
});

export const invitationResponse = z.object({ invitation: createdInvitation });

export const updateOrganisationRequest = z.object({ name: text(200) });
export const organisationResponse = z.object({ organisation: namedRef });
