import type { PeopleResponse } from '#shared/api/responses';
import type { ShortlistDb } from './database';
import { readMeta } from './meta';

export type Person = PeopleResponse['people'][number];

/** The organisation's users by name (refreshed on every sync), for rotas and queues. */
export async function readPeople(db: ShortlistDb): Promise<Person[]> {
  return readMeta<Person[]>(db, 'people', []);
}

/** A person's name, or their id when this browser has not synced the list yet. */
export function nameOf(people: readonly Person[], id: string | null | undefined): string {
  if (!id) return 'nobody';
  return people.find((p) => p.id === id)?.name ?? id;
}
