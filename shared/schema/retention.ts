import * as z from 'zod/mini';
import { socialWorkRole } from './establishment';
import { id, isoDate, oneOf, optionalText, text } from './primitives';

/**
 * The retention side (issue 16): who holds each post, who left and why, the conversations held
 * to keep people, internal moves, incentives and their clawbacks, early-career cohorts and
 * weekly caseloads. Staff records are personal data of council staff (shared/schema/personal.ts).
 */

const fte = z.number({ error: 'must be a number' }).check(z.gt(0, { error: 'must be more than 0' }), z.maximum(1.5, { error: 'must be at most 1.5' }));
/** A council user id (the people who hold Stay conversations or confirm caseloads). */
const userId = z.string().check(z.minLength(1), z.maxLength(64));
/** Themes are picked from the council's list (settings.exitThemes), which the council may edit. */
const themes = z.array(text(60)).check(z.maxLength(20));

/** Where a newly qualified social worker is in their assessed first year (ASYE; the Early Career Framework from Sept 2026). */
export const ASYE_STATUSES = ['in_progress', 'completed', 'extended', 'not_completed'] as const;
export type AsyeStatus = (typeof ASYE_STATUSES)[number];
export const ASYE_STATUS_LABELS: Readonly<Record<AsyeStatus, string>> = {
  in_progress: 'In progress',
  completed: 'Completed',
  extended: 'Extended',
  not_completed: 'Not completed',
};
export const EARLY_CAREER_FRAMEWORKS = ['asye', 'ecf'] as const;
export type EarlyCareerFramework = (typeof EARLY_CAREER_FRAMEWORKS)[number];

/** A post's permanent holder, kept minimal: what the measures and the establishment need. */
export const staffSchema = z.object({
  id,
  postId: id,
  /** Null once erased (`erased`). */
  name: text(120),
  role: socialWorkRole,
  fte,
  startDate: isoDate,
  /** For newly qualified staff only. */
  asyeStatus: z.optional(z.nullable(oneOf(ASYE_STATUSES))),
  /** ASYE, or the Early Career Framework that replaces it from September 2026. */
  ecf: z.optional(z.nullable(oneOf(EARLY_CAREER_FRAMEWORKS))),
  asyeCompletedOn: z.optional(z.nullable(isoDate)),
  cohortId: z.optional(z.nullable(id)),
  /** The application this person was hired through (a hire that starts becomes the holder). */
  applicationId: z.optional(z.nullable(id)),
  /** Held the post (or another) as agency cover before taking it permanently. */
  fromAgency: z.optional(z.boolean()),
  /** UK GDPR erasure: the name (and their notes elsewhere) is null from then on; dates, FTE and role stay for the measures. */
  erased: z.optional(z.boolean()),
});
export type Staff = z.infer<typeof staffSchema>;

/** The main reason a person gave for leaving (one per leaver; exit interview themes say more). */
export const LEAVER_REASONS = [
  'workload',
  'management_support',
  'pay',
  'progression',
  'travel',
  'flexible_working',
  'wellbeing',
  'personal_circumstances',
  'retirement',
  'end_of_contract',
  'dismissal',
  'other',
] as const;
export type LeaverReason = (typeof LEAVER_REASONS)[number];
export const LEAVER_REASON_LABELS: Readonly<Record<LeaverReason, string>> = {
  workload: 'Caseload / workload',
  management_support: 'Management support',
  pay: 'Pay',
  progression: 'Career progression',
  travel: 'Travel / location',
  flexible_working: 'Flexible working',
  wellbeing: 'Wellbeing',
  personal_circumstances: 'Personal circumstances',
  retirement: 'Retirement',
  end_of_contract: 'End of fixed-term contract',
  dismissal: 'Dismissal',
  other: 'Other',
};

/** Where a leaver went. An internal move is not a leaver: it is a transfer. */
export const LEAVER_DESTINATIONS = ['another_council', 'agency', 'left_profession', 'retirement', 'other'] as const;
export type LeaverDestination = (typeof LEAVER_DESTINATIONS)[number];
export const LEAVER_DESTINATION_LABELS: Readonly<Record<LeaverDestination, string>> = {
  another_council: 'Another council',
  agency: 'Agency work',
  left_profession: 'Left the profession',
  retirement: 'Retirement',
  other: 'Other',
};

/** A person who left the council's children's social work; frees their post. */
export const leaverSchema = z.object({
  id,
  staffId: id,
  postId: id,
  leavingDate: isoDate,
  reason: oneOf(LEAVER_REASONS),
  destination: oneOf(LEAVER_DESTINATIONS),
  /** FTE at leaving (turnover counts FTE leavers); taken from the staff record when recorded. */
  fte,
});
export type Leaver = z.infer<typeof leaverSchema>;

export const EXIT_INTERVIEW_OUTCOMES = ['pending', 'held', 'declined'] as const;
export type ExitInterviewOutcome = (typeof EXIT_INTERVIEW_OUTCOMES)[number];

/** Offered to every leaver (Herefordshire: with a colleague of their choosing). Notes never reach reports. */
export const exitInterviewSchema = z.object({
  id,
  leaverId: id,
  offeredOn: isoDate,
  outcome: oneOf(EXIT_INTERVIEW_OUTCOMES),
  heldOn: z.optional(z.nullable(isoDate)),
  /** The colleague the leaver chose, as they are known (a name or a role). */
  heldWith: optionalText(120),
  themes: z._default(themes, []),
  notes: optionalText(4000),
});
export type ExitInterview = z.infer<typeof exitInterviewSchema>;

export const STAY_HOLDER_ROLES = ['principal_social_worker', 'hr_business_partner'] as const;
export type StayHolderRole = (typeof STAY_HOLDER_ROLES)[number];
export const STAY_HOLDER_ROLE_LABELS: Readonly<Record<StayHolderRole, string>> = {
  principal_social_worker: 'Principal social worker',
  hr_business_partner: 'HR business partner',
};
export const STAY_OUTCOMES = ['open', 'stayed', 'transferred', 'left'] as const;
export type StayOutcome = (typeof STAY_OUTCOMES)[number];

/**
 * A confidential "Stay" conversation with someone thinking of leaving. Who it was with
 * (`staffId`, `notes`) is for the holder (`heldBy`) and admins only; everyone else sees the
 * outcome and themes.
 */
export const stayConversationSchema = z.object({
  id,
  staffId: id,
  heldBy: userId,
  holderRole: oneOf(STAY_HOLDER_ROLES),
  heldOn: isoDate,
  outcome: oneOf(STAY_OUTCOMES),
  themes: z._default(themes, []),
  notes: optionalText(4000),
});
export type StayConversation = z.infer<typeof stayConversationSchema>;

/** The fields of a Stay conversation that identify the person, seen by the holder and admins only. */
export const STAY_PERSON_FIELDS = ['staffId', 'notes'] as const satisfies readonly (keyof StayConversation)[];

export const TRANSFER_DECISIONS = ['pending', 'approved', 'declined', 'withdrawn'] as const;
export type TransferDecision = (typeof TRANSFER_DECISIONS)[number];

/** An internal move between teams under the transfer protocol: not a leaver. */
export const transferSchema = z
  .object({
    id,
    staffId: id,
    fromTeamId: id,
    toTeamId: id,
    /** The post moved into, once known. */
    toPostId: z.optional(z.nullable(id)),
    requestedOn: isoDate,
    decidedOn: z.optional(z.nullable(isoDate)),
    decision: oneOf(TRANSFER_DECISIONS),
    movedOn: z.optional(z.nullable(isoDate)),
  })
  .check(
    z.superRefine((t, ctx) => {
      if (t.fromTeamId === t.toTeamId) ctx.addIssue({ code: 'custom', path: ['toTeamId'], message: 'a transfer moves to another team' });
      if (t.movedOn && t.decision !== 'approved') ctx.addIssue({ code: 'custom', path: ['movedOn'], message: 'only an approved transfer has a move date' });
    }),
  );
export type Transfer = z.infer<typeof transferSchema>;

export const INCENTIVE_KINDS = ['golden_hello', 'retention_payment', 'refer_a_friend'] as const;
export type IncentiveKind = (typeof INCENTIVE_KINDS)[number];
export const INCENTIVE_KIND_LABELS: Readonly<Record<IncentiveKind, string>> = {
  golden_hello: 'Golden hello',
  retention_payment: 'Retention payment',
  refer_a_friend: 'Refer a friend',
};
/** `full`: a payment is repaid whole if the person leaves within the period; `pro_rata`: the unserved share. */
export const CLAWBACK_BASES = ['full', 'pro_rata'] as const;
export type ClawbackBasis = (typeof CLAWBACK_BASES)[number];

/**
 * A payment to a member of staff. `amount` is paid on each date in `paidOn` (instalments);
 * each payment is repayable if they leave within `clawbackMonths` of it. A refer-a-friend reward
 * belongs to the referrer (`staffId`) and falls due when the referred hire passes probation.
 */
export const incentiveSchema = z.object({
  id,
  staffId: id,
  kind: oneOf(INCENTIVE_KINDS),
  amount: z.number({ error: 'must be a number' }).check(z.nonnegative(), z.maximum(100_000)),
  paidOn: z._default(z.array(isoDate).check(z.maxLength(24)), []),
  clawbackMonths: z._default(z.int({ error: 'must be a whole number of months' }).check(z.minimum(0), z.maximum(60)), 0),
  clawbackBasis: z._default(oneOf(CLAWBACK_BASES), 'full'),
  referredApplicationId: z.optional(z.nullable(id)),
});
export type Incentive = z.infer<typeof incentiveSchema>;

/** An ASYE / Early Career cohort, followed for retention at 12, 24 and 36 months. */
export const cohortSchema = z.object({
  id,
  name: text(120),
  /** `YYYY-MM`. */
  startMonth: z.string().check(z.regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, { error: 'must be a month written YYYY-MM' })),
  programme: text(200),
  /** The comparison group of an experiment (Hampshire: the standard ASYE). */
  isControl: z._default(z.boolean(), false),
});
export type Cohort = z.infer<typeof cohortSchema>;

/** A team's caseload for one week, confirmed with the establishment: cases held ÷ FTE holding cases. */
export const caseloadWeekSchema = z.object({
  id,
  teamId: id,
  weekStart: isoDate.check(z.refine((d) => new Date(`${d}T12:00:00Z`).getUTCDay() === 1, { error: 'must be a Monday' })),
  casesHeld: z.int({ error: 'must be a whole number of cases' }).check(z.minimum(0), z.maximum(10_000)),
  fteHoldingCases: z.number({ error: 'must be a number' }).check(z.minimum(0), z.maximum(1_000)),
  confirmedBy: z.optional(z.nullable(userId)),
});
export type CaseloadWeek = z.infer<typeof caseloadWeekSchema>;

/** The council-editable list of exit and Stay themes, as it starts. */
export const DEFAULT_EXIT_THEMES = [
  'caseload',
  'management support',
  'pay',
  'travel',
  'progression',
  'flexible working',
  'wellbeing',
  'agency rates',
] as const;
