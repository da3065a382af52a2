import { todayInLondon } from '#shared/calendar';
import type { Advert, Application, Post, RotaSlot, Settings, StageEvent, Team, Vacancy } from '#shared/schema/index';
import { effectiveSettings } from '#shared/settings';
import type { ShortlistDb } from '@/db/database';
import { readPeople, type Person } from '@/db/people';
import { getSession } from '@/sync/session';

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
  // Every Dexie read starts before the first await: a liveQuery observes only the reads it sees
  // begin inside its own context, and awaiting the session (extension storage) first would lose it.
  const [teams, posts, vacancies, adverts, applications, events, slots, people, session] = await Promise.all([
    db.teams.toArray(),
    db.posts.toArray(),
    db.vacancies.toArray(),
    db.adverts.toArray(),
    db.applications.toArray(),
    db.stage_events.toArray(),
    db.rota_slots.toArray(),
    readPeople(db),
    getSession(),
  ]);
  return {
    teams: teams.sort((a, b) => a.name.localeCompare(b.name)),
    posts,
    vacancies,
    adverts,
    applications,
    events,
    slots,
    people,
    settings: effectiveSettings(session?.me.settings),
    organisation: session?.me.organisation.name ?? '',
    userId: session?.me.user.id ?? '',
    asOf: todayInLondon(now),
  };
}
