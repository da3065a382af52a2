import * as z from 'zod/mini';
import { socialWorkRole } from './establishment';
import { id, isoDate, isoDateTime, oneOf, optionalText, text } from './primitives';
import { SOURCES } from '../labels';

export const SHORTLISTING_MODES = ['rolling', 'closing-date'] as const;
export const VACANCY_STATUSES = ['draft', 'open', 'closed', 'filled', 'cancelled'] as const;

/** A recruitment for one or more posts (a campaign covers several teams). */
export const vacancySchema = z
  .object({
    id,
    title: text(200),
    teamIds: z.array(id).check(z.maxLength(20)),
    role: socialWorkRole,
    posts: z.int({ error: 'must be a whole number of posts' }).check(z.minimum(1), z.maximum(100)),
    mode: z.enum(SHORTLISTING_MODES, { error: 'must be rolling or closing-date' }),
    reference: optionalText(80),
    openedDate: z.optional(z.nullable(isoDate)),
    closingDate: z.optional(z.nullable(isoDate)),
    plannedShortlistDate: z.optional(z.nullable(isoDate)),
    plannedInterviewDate: z.optional(z.nullable(isoDate)),
    status: oneOf(VACANCY_STATUSES),
    /** The posts this vacancy recruits to, when known ("recruit to this post"): a starter becomes their holder. */
    postIds: z.optional(z.array(id).check(z.maxLength(100))),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.mode === 'closing-date' && !v.closingDate && v.status === 'open') {
        ctx.addIssue({ code: 'custom', path: ['closingDate'], message: 'an open closing-date vacancy needs a closing date' });
      }
    }),
  );
export type Vacancy = z.infer<typeof vacancySchema>;

/** A vacancy's listing on a job board or microsite. */
export const advertSchema = z.object({
  id,
  vacancyId: id,
  url: z.url({ protocol: /^https?$/, error: 'must be a web address starting http:// or https://' }).check(z.maxLength(2000)),
  board: text(80),
  title: optionalText(300),
  externalId: optionalText(80),
  reference: optionalText(80),
  postedDate: z.optional(z.nullable(isoDate)),
  closingDate: z.optional(z.nullable(isoDate)),
});
export type Advert = z.infer<typeof advertSchema>;

export { SOURCE_LABELS, SOURCES, type Source } from '../labels';
export const source = oneOf(SOURCES);

/**
 * A candidate's application to one vacancy. Personal data is kept to the minimum
 * (name and contact); `erased` marks a UK GDPR erasure, after which those fields are null.
 */
export const applicationSchema = z
  .object({
    id,
    vacancyId: id,
    name: z.nullable(text(120)),
    email: z.optional(z.nullable(z.email({ error: 'must be an email address' }).check(z.maxLength(254)))),
    phone: optionalText(40),
    source,
    referrer: optionalText(120),
    experience: z.enum(['nqsw', 'experienced'], { error: 'must be nqsw or experienced' }),
    yearsQualified: z.optional(z.nullable(z.number().check(z.minimum(0), z.maximum(60)))),
    teamPreference: optionalText(120),
    atsReference: optionalText(80),
    atsUrl: z.optional(z.nullable(z.url({ protocol: /^https?$/ }).check(z.maxLength(2000)))),
    receivedDate: isoDate,
    /** The manager the application was assigned to for the shortlisting decision. */
    assignedTo: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
    erased: z.optional(z.boolean()),
  })
  .check(
    z.superRefine((a, ctx) => {
      if (!a.erased && !a.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'a candidate needs a name' });
      if (a.source === 'referral' && !a.erased && !a.referrer) {
        ctx.addIssue({ code: 'custom', path: ['referrer'], message: 'a referral needs the referrer' });
      }
    }),
  );
export type Application = z.infer<typeof applicationSchema>;

export const DUTIES = ['shortlisting', 'interviewing'] as const;
export type Duty = (typeof DUTIES)[number];

/** A manager on duty for a week, for a team, a vacancy, or the whole council (neither). */
export const rotaSlotSchema = z.object({
  id,
  week: isoDate,
  duty: z.enum(DUTIES, { error: 'must be shortlisting or interviewing' }),
  managerId: z.string().check(z.minLength(1), z.maxLength(64)),
  teamId: z.optional(z.nullable(id)),
  vacancyId: z.optional(z.nullable(id)),
  /** Set by the server: who put `managerId` on this slot (a manager decides only on slots someone else gave them). */
  givenBy: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
});
export type RotaSlot = z.infer<typeof rotaSlotSchema>;

/** The safer-recruitment checks before a start date (domain.md). */
export const CHECK_KINDS = [
  'identity_right_to_work',
  'dbs_barred_list',
  'references',
  'swe_registration',
  'qualifications',
  'occupational_health',
  'employment_gaps',
  'overseas_conduct',
] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];
export const CHECK_LABELS: Readonly<Record<CheckKind, string>> = {
  identity_right_to_work: 'Identity and right to work',
  dbs_barred_list: "Enhanced DBS with children's barred list",
  references: 'Two references covering five years',
  swe_registration: 'Social Work England registration',
  qualifications: 'Qualifications seen',
  occupational_health: 'Occupational health',
  employment_gaps: 'Employment gaps explained',
  overseas_conduct: 'Overseas certificate of good conduct',
};

export const checkSchema = z.object({
  id,
  applicationId: id,
  kind: oneOf(CHECK_KINDS),
  requested: z.optional(z.nullable(isoDate)),
  received: z.optional(z.nullable(isoDate)),
  cleared: z.optional(z.nullable(isoDate)),
  notApplicable: z.optional(z.boolean()),
  note: optionalText(500),
});
export type Check = z.infer<typeof checkSchema>;

export const SITE_PROFILE_FIELDS = ['name', 'reference', 'stage', 'email', 'title', 'closingDate'] as const;

/** A back-office page layout taught by a user, shared within the organisation. */
export const siteProfileSchema = z.object({
  id,
  host: text(253),
  pathPattern: text(500),
  kind: z.enum(['candidate', 'advert']),
  fields: z.partialRecord(z.enum(SITE_PROFILE_FIELDS), text(1000)),
  label: optionalText(120),
  createdAt: z.optional(isoDateTime),
});
export type SiteProfile = z.infer<typeof siteProfileSchema>;
