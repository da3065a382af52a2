import * as z from 'zod/mini';
import { id, isoDate, oneOf, optionalText, text } from './primitives';
import { ROLE_LADDER } from '../labels';

export const TEAM_TYPES = [
  'front_door',
  'assessment',
  'child_protection',
  'children_in_care',
  'leaving_care',
  'disabilities',
  'fostering',
  'adoption',
  'exploitation',
  'emergency_duty',
  'court',
  'other',
] as const;

export const TEAM_TYPE_LABELS: Record<(typeof TEAM_TYPES)[number], string> = {
  front_door: 'MASH / front door',
  assessment: 'Assessment',
  child_protection: 'Child in need / child protection',
  children_in_care: 'Children in care',
  leaving_care: 'Leaving care',
  disabilities: 'Children with disabilities',
  fostering: 'Fostering',
  adoption: 'Adoption',
  exploitation: 'Exploitation / adolescents',
  emergency_duty: 'Emergency duty',
  court: 'Court',
  other: 'Other',
};

export const teamSchema = z.object({
  id,
  name: text(120),
  type: oneOf(TEAM_TYPES),
  area: optionalText(120),
  /** The team's manager (a user id): decides the team's vacancies when the council allows it (settings.managersDecideOwnTeam). */
  managerId: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(64)))),
});
export type Team = z.infer<typeof teamSchema>;

export { ROLE_LABELS, ROLE_LADDER, type SocialWorkRole } from '../labels';
export const socialWorkRole = oneOf(ROLE_LADDER);

export const COVER_STATES = ['permanent', 'agency', 'vacant', 'interim'] as const;
export type CoverState = (typeof COVER_STATES)[number];

/** A position in the establishment and how it is covered this week. */
export const postSchema = z
  .object({
    id,
    teamId: id,
    role: socialWorkRole,
    gradeText: optionalText(80),
    fte: z.number({ error: 'must be a number' }).check(z.gt(0, { error: 'must be more than 0' }), z.maximum(1.5, { error: 'must be at most 1.5' })),
    cover: oneOf(COVER_STATES),
    agencyName: optionalText(120),
    agencyWeeklyCost: z.optional(z.nullable(z.number().check(z.nonnegative()))),
    coverEndDate: z.optional(z.nullable(isoDate)),
    /** Monday of the last week a manager confirmed this post's state. */
    confirmedWeek: z.optional(z.nullable(isoDate)),
    note: optionalText(500),
  })
  .check(
    z.superRefine((p, ctx) => {
      if (p.cover !== 'agency' && (p.agencyName || p.agencyWeeklyCost != null)) {
        ctx.addIssue({ code: 'custom', path: ['cover'], message: 'agency name and cost belong only to a post covered by an agency' });
      }
    }),
  );
export type Post = z.infer<typeof postSchema>;
