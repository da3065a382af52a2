import type { Advert, Application, Check, Post, RotaSlot, SiteProfile, StageEvent, Team, Vacancy } from '#shared/schema/index';
import type { TimedEvent } from '#shared/stages';
import type { Person } from '@/db/people';

/**
 * What this browser holds that an audit entry may name: the trail itself keeps ids and field
 * names only, so names, stages and titles come from here. A record the browser does not hold
 * (out of a manager's scope, deleted) or holds erased is described without them.
 */
export interface AuditRecords {
  people: ReadonlyMap<string, Person>;
  applications: ReadonlyMap<string, Application>;
  stageEvents: ReadonlyMap<string, StageEvent>;
  /** Each application's history in order, to say which stage an event moved it from. */
  events: ReadonlyMap<string, readonly TimedEvent[]>;
  checks: ReadonlyMap<string, Check>;
  vacancies: ReadonlyMap<string, Vacancy>;
  teams: ReadonlyMap<string, Team>;
  posts: ReadonlyMap<string, Post>;
  adverts: ReadonlyMap<string, Advert>;
  slots: ReadonlyMap<string, RotaSlot>;
  siteProfiles: ReadonlyMap<string, SiteProfile>;
}

export interface HeldRecords {
  people: readonly Person[];
  applications: readonly Application[];
  events: ReadonlyMap<string, readonly TimedEvent[]>;
  checks: readonly Check[];
  vacancies: readonly Vacancy[];
  teams: readonly Team[];
  posts?: readonly Post[];
  adverts: readonly Advert[];
  slots: readonly RotaSlot[];
  siteProfiles?: readonly SiteProfile[];
}

const byId = <T extends { id: string }>(rows: readonly T[] = []) => new Map(rows.map((r) => [r.id, r]));

/** Indexes the browser's records for the audit wording. */
export function auditRecordsOf(held: HeldRecords): AuditRecords {
  const stageEvents = new Map<string, StageEvent>();
  for (const list of held.events.values()) for (const t of list) stageEvents.set(t.event.id, t.event);
  return {
    people: byId(held.people),
    applications: byId(held.applications),
    stageEvents,
    events: held.events,
    checks: byId(held.checks),
    vacancies: byId(held.vacancies),
    teams: byId(held.teams),
    posts: byId(held.posts),
    adverts: byId(held.adverts),
    slots: byId(held.slots),
    siteProfiles: byId(held.siteProfiles),
  };
}
