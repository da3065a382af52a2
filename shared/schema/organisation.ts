import { z } from 'zod';
import { STAGES } from './stage';
import { division, id, text } from './primitives';

export const ROLES = ['admin', 'central', 'coordinator', 'manager'] as const;
export const userRole = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });
export type UserRole = z.infer<typeof userRole>;

export const userSchema = z.object({
  id,
  name: text(120),
  email: z.email({ error: 'must be an email address' }),
  role: userRole,
  active: z.boolean().default(true),
});
export type User = z.infer<typeof userSchema>;

const workingDays = z.int({ error: 'must be a whole number of working days' }).min(1).max(60);

/** Ideal and maximum working days for a stage: amber after ideal, red after max. */
export const stageTarget = z
  .object({ ideal: workingDays, max: workingDays })
  .refine((t) => t.ideal <= t.max, { error: 'ideal must not exceed max' });
export type StageTarget = z.infer<typeof stageTarget>;

/** Settings of one organisation (council). */
export const settingsSchema = z.object({
  division: division.default('england-and-wales'),
  shortlistWorkingDays: workingDays.default(5),
  interviewWorkingDays: workingDays.default(5),
  /** Further per-stage targets, keyed by the stage an application sits in. */
  stageTargets: z.partialRecord(z.enum(STAGES), stageTarget).default({}),
  /** Personal data of closed applications is erased after this many months. */
  retentionMonths: z.int().min(1).max(120).default(6),
  /**
   * Whether a team manager may decide (shortlist, reject, book, interview) applications to their
   * own team's vacancies without a rota slot. Off: only slots a coordinator gave them count.
   */
  managersDecideOwnTeam: z.boolean().default(false),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
