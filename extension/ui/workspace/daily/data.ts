import type { Advert, Application, Check, RotaSlot, StageEvent, Team, Vacancy } from '#shared/schema/index';
import { indexEvents, type TimedEvent } from '#shared/stages';
import type { ShortlistDb } from '@/db/database';
import { readPeople, type Person } from '@/db/people';

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
  const [teams, vacancies, adverts, applications, stageEvents, slots, checks, people] = await Promise.all([
    db.teams.toArray(),
    db.vacancies.toArray(),
    db.adverts.toArray(),
    db.applications.toArray(),
    db.stage_events.toArray(),
    db.rota_slots.toArray(),
    db.checks.toArray(),
    readPeople(db),
  ]);
  return { teams, vacancies, adverts, applications, events: indexEvents(stageEvents as StageEvent[]), slots, checks, people };
}

export const eventsOf = (data: Pick<DailyData, 'events'>, applicationId: string): readonly TimedEvent[] =>
  data.events.get(applicationId) ?? [];
