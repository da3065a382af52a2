import type { Mutation, SyncTable } from '#shared/schema/index';
import { RECORD_NOUN } from '#shared/sync/references';

// A stage event reads as a "stage change" to the person whose change was refused.
const NOUN: Record<SyncTable, string> = { ...RECORD_NOUN, stage_events: 'stage change' };

export const nounOf = (table: SyncTable): string => NOUN[table] ?? table;

/** "Change to a team (name, area)", "Deletion of a post", "Erasure of an application": what a refused change was. */
export function describeChange(m: Pick<Mutation, 'table' | 'op' | 'fields'>): string {
  const noun = nounOf(m.table);
  const article = /^[aeiou]/.test(noun) ? 'an' : 'a';
  if (m.op === 'delete') return `Deletion of ${article} ${noun}`;
  if (m.op === 'erase') return `Erasure of ${article} ${noun}`;
  if (m.table === 'stage_events') return 'A new stage change';
  const fields = Object.keys(m.fields ?? {});
  return `Change to ${article} ${noun}${fields.length ? ` (${fields.slice(0, 4).join(', ')}${fields.length > 4 ? ', …' : ''})` : ''}`;
}
