import { candidateFieldsOf, STAY_PERSON_FIELDS, type PullTable } from '../schema/index';
import { erasedFieldsOf } from './erasure';

/**
 * The fields each need-to-know rule keeps from a reader (shared/sync/scope.ts): null in a
 * redacted copy. Apart from the rules so that the extension, which only scrubs what a redacted
 * copy lacks, carries the lists without the server's rules.
 */
export const REDACTED_FIELDS = {
  applications: candidateFieldsOf('applications'),
  stage_events: candidateFieldsOf('stage_events'),
  checks: candidateFieldsOf('checks'),
  stay_conversations: STAY_PERSON_FIELDS,
  // A hire's name: the candidate the staff record came from.
  staff: ['name'],
  // What a leaver said, and to whom.
  exit_interviews: erasedFieldsOf('staff', 'exit_interviews'),
  // The person an incentive pays, and the friend they referred.
  incentives: ['staffId', 'referredApplicationId'],
} as const satisfies Partial<Record<PullTable, readonly string[]>>;

export type RedactedTable = keyof typeof REDACTED_FIELDS;

/** The fields a redacted copy of a record of `table` lacks (none for a table without a rule). */
export const redactedFieldsOf = (table: string): readonly string[] => (Object.hasOwn(REDACTED_FIELDS, table) ? REDACTED_FIELDS[table as RedactedTable] : []);
