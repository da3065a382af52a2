import type * as z from 'zod/mini';
import { settingsSchema } from './organisation';
import { postSchema, teamSchema } from './establishment';
import {
  advertSchema,
  applicationSchema,
  checkSchema,
  rotaSlotSchema,
  siteProfileSchema,
  vacancySchema,
} from './recruitment';
import {
  caseloadWeekSchema,
  cohortSchema,
  exitInterviewSchema,
  incentiveSchema,
  leaverSchema,
  staffSchema,
  stayConversationSchema,
  transferSchema,
} from './retention';
import { stageEventSchema } from './stage';

/**
 * Every table that syncs, with its schema. `appendOnly` tables take inserts only
 * (insert or ignore); the others merge field by field, last writer wins.
 */
export const SYNC_TABLES = {
  teams: { schema: teamSchema, appendOnly: false },
  posts: { schema: postSchema, appendOnly: false },
  vacancies: { schema: vacancySchema, appendOnly: false },
  adverts: { schema: advertSchema, appendOnly: false },
  applications: { schema: applicationSchema, appendOnly: false },
  stage_events: { schema: stageEventSchema, appendOnly: true },
  rota_slots: { schema: rotaSlotSchema, appendOnly: false },
  checks: { schema: checkSchema, appendOnly: false },
  site_profiles: { schema: siteProfileSchema, appendOnly: false },
  // In reference order (a staff record names its cohort), so a load in this order is valid.
  cohorts: { schema: cohortSchema, appendOnly: false },
  staff: { schema: staffSchema, appendOnly: false },
  leavers: { schema: leaverSchema, appendOnly: false },
  exit_interviews: { schema: exitInterviewSchema, appendOnly: false },
  stay_conversations: { schema: stayConversationSchema, appendOnly: false },
  transfers: { schema: transferSchema, appendOnly: false },
  incentives: { schema: incentiveSchema, appendOnly: false },
  caseload_weeks: { schema: caseloadWeekSchema, appendOnly: false },
} as const satisfies Record<string, { schema: z.ZodMiniType; appendOnly: boolean }>;

export type SyncTable = keyof typeof SYNC_TABLES;
export const SYNC_TABLE_NAMES = Object.keys(SYNC_TABLES) as SyncTable[];
export type RecordOf<T extends SyncTable> = z.infer<(typeof SYNC_TABLES)[T]['schema']>;

/** Fields whose losing value in a concurrent edit is kept for a person to see. */
export const CRITICAL_FIELDS: Partial<Record<SyncTable, readonly string[]>> = {
  applications: ['vacancyId', 'assignedTo'],
  vacancies: ['status', 'closingDate', 'plannedInterviewDate'],
};

/** Settings sync as a single record per organisation, edited by admins only. */
export const SETTINGS_SCHEMA = settingsSchema;
