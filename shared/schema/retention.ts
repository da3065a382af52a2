import { z } from 'zod';
import { labelledValues } from '../labelledValues';
import { socialWorkRole } from './establishment';
import { id, isoDate, oneOf, optionalText, text } from './primitives';

/**
 * The retention side (issue 16): who holds each post, who left and why, the conversations held
 * to keep people, internal moves, incentives and their clawbacks, early-career cohorts and
 * weekly caseloads. Staff records are personal data of council staff (shared/schema/personal.ts).
 */

const fte = z.number({ error: 'must be a number' }).gt(0, { error: 'must be more than 0' }).max(1.5, { error: 'must be at most 1.5' });
/** A council user id (the people who hold Stay conversations or confirm caseloads). */
const userId = z.string().min(1).max(64);
/** Themes are picked from the council's list (settings.exitThemes), which the council may edit. */
const themes = z.array(text(60)).max(20);

/** Where a newly qualified social worker is in their assessed first year (ASYE; the Early Career Framework from Sept 2026). */
export const { values: ASYE_STATUSES, labels: ASYE_STATUS_LABELS } = labelledValues({
  in_progress: 'In progress',
  completed: 'Completed',
  extended: 'Extended',
  not_completed: 'Not completed',
});
export type AsyeStatus = (typeof ASYE_STATUSES)[number];
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
  asyeStatus: oneOf(ASYE_STATUSES).nullable().optional(),
  /** ASYE, or the Early Career Framework that replaces it from September 2026. */
  ecf: oneOf(EARLY_CAREER_FRAMEWORKS).nullable().optional(),
  asyeCompletedOn: isoDate.nullable().optional(),
  cohortId: id.nullable().optional(),
  /** The application this person was hired through (a hire that starts becomes the holder). */
  applicationId: id.nullable().optional(),
  /** Held the post (or another) as agency cover before taking it permanently. */
  fromAgency: z.boolean().optional(),
  /** UK GDPR erasure: the name (and their notes elsewhere) is null from then on; dates, FTE and role stay for the measures. */
  erased: z.boolean().optional(),
});
export type Staff = z.infer<typeof staffSchema>;

/** The main reason a person gave for leaving (one per leaver; exit interview themes say more). */
export const { values: LEAVER_REASONS, labels: LEAVER_REASON_LABELS } = labelledValues({
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
});
export type LeaverReason = (typeof LEAVER_REASONS)[number];

/** Where a leaver went. An internal move is not a leaver: it is a transfer. */
export const { values: LEAVER_DESTINATIONS, labels: LEAVER_DESTINATION_LABELS } = labelledValues({
  another_council: 'Another council',
  agency: 'Agency work',
  left_profession: 'Left the profession',
  retirement: 'Retirement',
  other: 'Other',
});
export type LeaverDestination = (typeof LEAVER_DESTINATIONS)[number];

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
  heldOn: isoDate.nullable().optional(),
  /** The colleague the leaver chose, as they are known (a name or a role). */
  heldWith: optionalText(120),
  themes: themes.default([]),
  notes: optionalText(4000),
});
export type ExitInterview = z.infer<typeof exitInterviewSchema>;

export const { values: STAY_HOLDER_ROLES, labels: STAY_HOLDER_ROLE_LABELS } = labelledValues({
  principal_social_worker: 'Principal social worker',
  hr_business_partner: 'HR business partner',
});
export type StayHolderRole = (typeof STAY_HOLDER_ROLES)[number];
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
  themes: themes.default([]),
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
    toPostId: id.nullable().optional(),
    requestedOn: isoDate,
    decidedOn: isoDate.nullable().optional(),
    decision: oneOf(TRANSFER_DECISIONS),
    movedOn: isoDate.nullable().optional(),
  })
  .superRefine((t, ctx) => {
    if (t.fromTeamId === t.toTeamId) ctx.addIssue({ code: 'custom', path: ['toTeamId'], message: 'a transfer moves to another team' });
    if (t.movedOn && t.decision !== 'approved') ctx.addIssue({ code: 'custom', path: ['movedOn'], message: 'only an approved transfer has a move date' });
  });
export type Transfer = z.infer<typeof transferSchema>;

export const { values: INCENTIVE_KINDS, labels: INCENTIVE_KIND_LABELS } = labelledValues({
  golden_hello: 'Golden hello',
  retention_payment: 'Retention payment',
  refer_a_friend: 'Refer a friend',
});
export type IncentiveKind = (typeof INCENTIVE_KINDS)[number];
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
  amount: z.number({ error: 'must be a number' }).nonnegative().max(100_000),
  paidOn: z.array(isoDate).max(24).default([]),
  clawbackMonths: z.int({ error: 'must be a whole number of months' }).min(0).max(60).default(0),
  clawbackBasis: oneOf(CLAWBACK_BASES).default('full'),
  referredApplicationId: id.nullable().optional(),
});
export type Incentive = z.infer<typeof incentiveSchema>;

/** An ASYE / Early Career cohort, followed for retention at 12, 24 and 36 months. */
export const cohortSchema = z.object({
  id,
  name: text(120),
  /** `YYYY-MM`. */
  startMonth: z.string().regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, { error: 'must be a month written YYYY-MM' }),
  programme: text(200),
  /** The comparison group of an experiment (Hampshire: the standard ASYE). */
  isControl: z.boolean().default(false),
});
export type Cohort = z.infer<typeof cohortSchema>;

/** A team's caseload for one week, confirmed with the establishment: cases held ÷ FTE holding cases. */
export const caseloadWeekSchema = z.object({
  id,
  teamId: id,
  weekStart: isoDate.refine((d) => new Date(`${d}T12:00:00Z`).getUTCDay() === 1, { error: 'must be a Monday' }),
  casesHeld: z.int({ error: 'must be a whole number of cases' }).min(0).max(10_000),
  fteHoldingCases: z.number({ error: 'must be a number' }).min(0).max(1_000),
  confirmedBy: userId.nullable().optional(),
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
