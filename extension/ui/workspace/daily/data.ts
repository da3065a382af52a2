import type { Advert, Application, Check, RotaSlot, Team, Vacancy } from '#shared/schema/index';
import { indexEvents, type TimedEvent } from '#shared/stages';
import type { ShortlistDb } from '@/db/database';
import { readPeople, type Person } from '@/db/people';
import { readTables } from '../read-tables';

/** Everything the daily-work pages read, loaded in one live query so they stay consistent. */
export interface DailyData {
  teams: Team[];
  vacancies: Vacancy[];
  adverts: Advert[];
  applications: Application[];
  /** Stage events per application, in history order. */
  events: Map<string, TimedEvent[]>;
  slots: RotaSlot[];
  checks: Check[];
  people: Person[];
}

export async function loadDailyData(db: ShortlistDb): Promise<DailyData> {
  const [records, people] = await Promise.all([
    readTables(db, ['teams', 'vacancies', 'adverts', 'applications', 'stage_events', 'rota_slots', 'checks']),
    readPeople(db),
  ]);
  const { stage_events: stageEvents, rota_slots: slots, ...tables } = records;
  return { ...tables, events: indexEvents(stageEvents), slots, people };
}

export const eventsOf = (data: Pick<DailyData, 'events'>, applicationId: string): readonly TimedEvent[] =>
  data.events.get(applicationId) ?? [];
