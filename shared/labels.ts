/**
 * The domain's fixed lists and their labels (domain.md), in plain TypeScript without zod:
 * pages that only draw them (the overlay's frame) import this instead of the schemas, which
 * re-export them (schema/stage.ts, recruitment.ts, establishment.ts) for everyone else.
 */

/** The pipeline in order, then the two exits (domain.md, "Stages"). */
export const OPEN_STAGES = [
  'applied',
  'shortlisted',
  'interview_booked',
  'interviewed',
  'offered',
  'accepted',
  'checks_complete',
  'started',
] as const;
export const EXIT_STAGES = ['rejected', 'withdrawn'] as const;
export const STAGES = [...OPEN_STAGES, ...EXIT_STAGES] as const;
export type Stage = (typeof STAGES)[number];
export type ExitStage = (typeof EXIT_STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  applied: 'Applied',
  shortlisted: 'Shortlisted',
  interview_booked: 'Interview booked',
  interviewed: 'Interviewed',
  offered: 'Offered (conditional)',
  accepted: 'Accepted',
  checks_complete: 'Checks complete',
  started: 'Started',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

/** "We decided": why the council turned a candidate down. */
export const REJECTION_REASONS = [
  'not_qualified',
  'insufficient_experience',
  'no_swe_registration',
  'no_right_to_work',
  'unsuccessful_interview',
  'failed_checks',
  'post_filled',
  'other',
] as const;

/** "They decided": why a candidate left the process. */
export const WITHDRAWAL_REASONS = [
  'declined_interview',
  'declined_offer',
  'took_another_job',
  'salary',
  'location',
  'personal_circumstances',
  'no_response',
  'other',
] as const;

export const EXIT_REASONS = [...new Set([...REJECTION_REASONS, ...WITHDRAWAL_REASONS])] as const;
export type ExitReason = (typeof REJECTION_REASONS)[number] | (typeof WITHDRAWAL_REASONS)[number];

export const REASON_LABELS: Record<ExitReason, string> = {
  not_qualified: 'Not qualified',
  insufficient_experience: 'Not enough experience',
  no_swe_registration: 'No Social Work England registration',
  no_right_to_work: 'No right to work',
  unsuccessful_interview: 'Unsuccessful at interview',
  failed_checks: 'Pre-employment checks failed',
  post_filled: 'Post already filled',
  declined_interview: 'Declined interview',
  declined_offer: 'Declined offer',
  took_another_job: 'Took another job',
  salary: 'Salary',
  location: 'Location',
  personal_circumstances: 'Personal circumstances',
  no_response: 'Stopped responding',
  other: 'Other',
};

export const SOURCES = [
  'community_care',
  'microsite',
  'other_board',
  'referral',
  'agency',
  'internal',
  'returner',
  'other',
] as const;
export type Source = (typeof SOURCES)[number];
export const SOURCE_LABELS: Readonly<Record<Source, string>> = {
  community_care: 'Community Care Jobs',
  microsite: 'Council microsite',
  other_board: 'Other job board',
  referral: 'Refer a friend',
  agency: 'Agency conversion',
  internal: 'Internal transfer',
  returner: 'Returner',
  other: 'Other',
};

/** The role ladder of children's social work (domain.md). */
export const ROLE_LADDER = [
  'nqsw',
  'social_worker',
  'senior_social_worker',
  'advanced_practitioner',
  'consultant',
  'assistant_team_manager',
  'team_manager',
  'iro',
] as const;
export type SocialWorkRole = (typeof ROLE_LADDER)[number];
export const ROLE_LABELS: Readonly<Record<SocialWorkRole, string>> = {
  nqsw: 'NQSW / ASYE',
  social_worker: 'Social worker',
  senior_social_worker: 'Senior social worker',
  advanced_practitioner: 'Advanced practitioner',
  consultant: 'Consultant / practice lead',
  assistant_team_manager: 'Assistant team manager',
  team_manager: 'Team manager',
  iro: 'IRO / CP chair',
};
