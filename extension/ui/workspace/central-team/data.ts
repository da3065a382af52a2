import { todayInLondon } from '#shared/calendar';
import type { Advert, Application, Post, RotaSlot, Settings, StageEvent, Team, Vacancy } from '#shared/schema/index';
import { effectiveSettings } from '#shared/settings';
import type { ShortlistDb } from '@/db/database';
import { readPeople, type Person } from '@/db/people';
import { getSession } from '@/sync/session';
import { readTables } from '../read-tables';

/** Everything the central team's pages read, in one snapshot of the local database. */
export interface CentralData {
  teams: Team[];
  posts: Post[];
  vacancies: Vacancy[];
  adverts: Advert[];
  applications: Application[];
  events: StageEvent[];
  slots: RotaSlot[];
  people: Person[];
  settings: Settings;
  organisation: string;
  userId: string;
  asOf: string;
}

export async function loadCentralData(db: ShortlistDb, now = new Date()): Promise<CentralData> {
  // Every Dexie read starts before the first await: awaiting the session (extension storage)
  // first would lose them from the liveQuery.
  const [records, people, session] = await Promise.all([
    readTables(db, ['teams', 'posts', 'vacancies', 'adverts', 'applications', 'stage_events', 'rota_slots']),
    readPeople(db),
    getSession(),
  ]);
  const { stage_events: events, rota_slots: slots, ...tables } = records;
  return {
    ...tables,
    teams: tables.teams.sort((a, b) => a.name.localeCompare(b.name)),
    events,
    slots,
    people,
    settings: effectiveSettings(session?.me.settings),
    organisation: session?.me.organisation.name ?? '',
    userId: session?.me.user.id ?? '',
    asOf: todayInLondon(now),
  };
}
