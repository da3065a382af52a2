/**
 * What the demo hands out: the council, its records and the journeys' ids. A leaf module
 * (schema types only), so the generator, its pages and its CSV export can all name them
 * without importing one another.
 */
import type { Advert, Application, Check, Post, RotaSlot, Settings, StageEvent, Team, Vacancy } from '../shared/schema/index';
import type { RetentionJourney, RetentionRecords } from './retention';

export type DemoRole = 'admin' | 'central' | 'coordinator' | 'manager';
export interface DemoUser {
  id: string;
  name: string;
  email: string;
  role: DemoRole;
}

export interface DemoRecords extends RetentionRecords {
  teams: Team[];
  posts: Post[];
  vacancies: Vacancy[];
  adverts: Advert[];
  applications: Application[];
  stage_events: StageEvent[];
  rota_slots: RotaSlot[];
  checks: Check[];
}

/** Ids and facts the journeys (and their end-to-end tests) start from. */
export interface DemoJourneys {
  priya: {
    userId: string;
    vacancyId: string;
    advertId: string;
    advertUrl: string;
    externalId: string;
    /** Application ids by what the overlay should count. */
    awaiting: string[];
    overdue: string[];
    shortlisted: string[];
    offered: string[];
    exited: string[];
    /** Thursday of asOf's week: the shortlisted candidates' interviews are due by then. */
    interviewsDueBy: string;
  };
  tom: { userId: string; teamId: string; queue: string[] };
  /** Journey 2: the Community Care advert not yet tracked, for the vacancy created last week. */
  untrackedAdvert: { vacancyId: string; externalId: string; title: string; reference: string; closingDate: string; url: string };
  /** Journey 3: the candidate who withdrew over salary and now applies again with the same email. */
  returningCandidate: { earlierApplicationId: string; name: string; email: string; newAtsReference: string; vacancyId: string };
  cwd: { teamId: string; agencyEndingNextMonth: string[] };
  erasedApplicationId: string;
  quarter: { start: string; previousStart: string };
  /** Issue 16: a holder of Tom's team to record as a leaver, and a confidential Stay conversation. */
  retention: RetentionJourney;
}

export interface DemoCouncil {
  asOf: string;
  seed: number;
  organisation: { name: string };
  users: DemoUser[];
  settings: Settings;
  records: DemoRecords;
  journeys: DemoJourneys;
}

export interface DemoOptions {
  /** The Monday morning the demo shows, YYYY-MM-DD. Nothing in the data happens on or after it. */
  asOf: string;
  seed?: number;
}
