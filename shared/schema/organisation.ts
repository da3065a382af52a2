import { z } from 'zod';
import { STAGES } from './stage';
import { division, id, text } from './primitives';
import { DEFAULT_EXIT_THEMES } from './retention';

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
  /**
   * Months after an application ended in rejected or withdrawn before its candidate's personal
   * data is erased (shared/retention.ts); 0 keeps it until someone erases it by hand.
   */
  retentionMonths: z.int({ error: 'must be a whole number of months' }).min(0, { error: 'must be 0 (keep) or more' }).max(120).default(6),
  /** The same for a hire (started), counted from the start date; 0 (the default): never, HR keeps the record. */
  hiredRetentionMonths: z.int({ error: 'must be a whole number of months' }).min(0, { error: 'must be 0 (never) or more' }).max(120).default(0),
  /** Months the audit trail is kept (default 72: six years); 0 keeps it for ever. */
  auditRetentionMonths: z.int({ error: 'must be a whole number of months' }).min(0, { error: 'must be 0 (keep) or more' }).max(240).default(72),
  /** Days after which superseded change-log entries are compacted, once every active browser has pulled past them; 0 never compacts. */
  changeLogRetentionDays: z.int({ error: 'must be a whole number of days' }).min(0, { error: 'must be 0 (never) or more' }).max(3650).default(90),
  /** A browser that has pulled within this many days counts as active: compaction waits for it. */
  activeClientDays: z.int({ error: 'must be a whole number of days' }).min(1).max(365).default(30),
  /**
   * Whether a team manager may decide (shortlist, reject, book, interview) applications to their
   * own team's vacancies without a rota slot. Off: only slots a coordinator gave them count.
   */
  managersDecideOwnTeam: z.boolean().default(false),
  /** The themes an exit interview or Stay conversation is tagged with; the council edits the list. */
  exitThemes: z.array(text(60)).min(1).max(40).default([...DEFAULT_EXIT_THEMES]),
  /** The council's turnover target, in percent a year (Nottinghamshire: 10). */
  turnoverTargetPercent: z.number({ error: 'must be a number' }).min(0).max(100).default(10),
  /** Most cases per FTE holding cases (Dorset: 15). */
  caseloadLimit: z.number({ error: 'must be a number' }).gt(0).max(100).default(15),
  /** Months of probation: a refer-a-friend reward falls due when the referred hire has served them. */
  probationMonths: z.int({ error: 'must be a whole number of months' }).min(0).max(24).default(6),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
