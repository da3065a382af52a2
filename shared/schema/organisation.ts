import * as z from 'zod/mini';
import { STAGES } from './stage';
import { division, id, oneOf, text } from './primitives';
import { DEFAULT_EXIT_THEMES } from './retention';

export const ROLES = ['admin', 'central', 'coordinator', 'manager'] as const;
export const userRole = oneOf(ROLES);
export type UserRole = z.infer<typeof userRole>;

export const userSchema = z.object({
  id,
  name: text(120),
  email: z.email({ error: 'must be an email address' }),
  role: userRole,
  active: z._default(z.boolean(), true),
});
export type User = z.infer<typeof userSchema>;

const workingDays = z.int({ error: 'must be a whole number of working days' }).check(z.minimum(1), z.maximum(60));

/** Ideal and maximum working days for a stage: amber after ideal, red after max. */
export const stageTarget = z
  .object({ ideal: workingDays, max: workingDays })
  .check(z.refine((t) => t.ideal <= t.max, { error: 'ideal must not exceed max' }));
export type StageTarget = z.infer<typeof stageTarget>;

/** Settings of one organisation (council). */
export const settingsSchema = z.object({
  division: z._default(division, 'england-and-wales'),
  shortlistWorkingDays: z._default(workingDays, 5),
  interviewWorkingDays: z._default(workingDays, 5),
  /** Further per-stage targets, keyed by the stage an application sits in. */
  stageTargets: z._default(z.partialRecord(z.enum(STAGES), stageTarget), {}),
  /**
   * Months after an application ended in rejected or withdrawn before its candidate's personal
   * data is erased (shared/retention.ts); 0 keeps it until someone erases it by hand.
   */
  retentionMonths: z._default(z.int({ error: 'must be a whole number of months' }).check(z.minimum(0, { error: 'must be 0 (keep) or more' }), z.maximum(120)), 6),
  /** The same for a hire (started), counted from the start date; 0 (the default): never, HR keeps the record. */
  hiredRetentionMonths: z._default(z.int({ error: 'must be a whole number of months' }).check(z.minimum(0, { error: 'must be 0 (never) or more' }), z.maximum(120)), 0),
  /** Months the audit trail is kept (default 72: six years); 0 keeps it for ever. */
  auditRetentionMonths: z._default(z.int({ error: 'must be a whole number of months' }).check(z.minimum(0, { error: 'must be 0 (keep) or more' }), z.maximum(240)), 72),
  /** Days after which superseded change-log entries are compacted, once every active browser has pulled past them; 0 never compacts. */
  changeLogRetentionDays: z._default(z.int({ error: 'must be a whole number of days' }).check(z.minimum(0, { error: 'must be 0 (never) or more' }), z.maximum(3650)), 90),
  /** A browser that has pulled within this many days counts as active: compaction waits for it. */
  activeClientDays: z._default(z.int({ error: 'must be a whole number of days' }).check(z.minimum(1), z.maximum(365)), 30),
  /**
   * Whether a team manager may decide (shortlist, reject, book, interview) applications to their
   * own team's vacancies without a rota slot. Off: only slots a coordinator gave them count.
   */
  managersDecideOwnTeam: z._default(z.boolean(), false),
  /** The themes an exit interview or Stay conversation is tagged with; the council edits the list. */
  exitThemes: z._default(z.array(text(60)).check(z.minLength(1), z.maxLength(40)), [...DEFAULT_EXIT_THEMES]),
  /** The council's turnover target, in percent a year (Nottinghamshire: 10). */
  turnoverTargetPercent: z._default(z.number({ error: 'must be a number' }).check(z.minimum(0), z.maximum(100)), 10),
  /** Most cases per FTE holding cases (Dorset: 15). */
  caseloadLimit: z._default(z.number({ error: 'must be a number' }).check(z.gt(0), z.maximum(100)), 15),
  /** Months of probation: a refer-a-friend reward falls due when the referred hire has served them. */
  probationMonths: z._default(z.int({ error: 'must be a whole number of months' }).check(z.minimum(0), z.maximum(24)), 6),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
