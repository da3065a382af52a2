import * as z from 'zod/mini';
import { instant } from './instant';
import { userRole } from '../schema/index';

/** The shapes of people and organisations that several of the worker's responses share. */

/** A user or an organisation as another response names it: its id and display name, nothing more. */
export const namedRef = z.object({ id: z.string(), name: z.string() });

/** A user account as an admin lists it: who, in which role, whether active, since when. */
export const userAccount = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: userRole,
  active: z.boolean(),
  createdAt: instant,
});
