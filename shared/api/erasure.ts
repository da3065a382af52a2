import * as z from 'zod/mini';
import { userRole } from '../schema/index';

/** `GET /v1/admin/erasures/{id}`: how far one application's (or staff record's) erasure has reached the council's browsers. */

export const erasureBrowser = z.object({
  /** The browser's token, by its display prefix (one token per browser, as a rule). */
  tokenPrefix: z.string(),
  userId: z.string(),
  userName: z.string(),
  role: userRole,
  /** When this browser last pulled (refreshed at least hourly while it keeps pulling). */
  lastPulledAt: z.string(),
  /** It came back for more after pulling the erasure: its copy of the candidate is gone. */
  pulledPast: z.boolean(),
});
export type ErasureBrowser = z.infer<typeof erasureBrowser>;

export const erasureProgressResponse = z.object({
  /** The erased record: an application, or a staff record (the id is unique across tables). */
  applicationId: z.string(),
  erasedAt: z.string(),
  /** The last change-log entry of the erasure: a browser whose pull cursor reached it has it. */
  changeSeq: z.number(),
  /** Browsers count as active when they pulled since this instant (settings.activeClientDays). */
  activeSince: z.string(),
  browsers: z.array(erasureBrowser),
  pulledPast: z.number(),
  active: z.number(),
});
export type ErasureProgressResponse = z.infer<typeof erasureProgressResponse>;
