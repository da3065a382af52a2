import type { Mutation, SyncTable } from '#shared/schema/index';

const NOUN: Record<SyncTable, string> = {
  teams: 'team',
  posts: 'post',
  vacancies: 'vacancy',
  adverts: 'advert',
  applications: 'application',
  stage_events: 'stage change',
  rota_slots: 'rota slot',
  checks: 'check',
  site_profiles: 'site profile',
};

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
