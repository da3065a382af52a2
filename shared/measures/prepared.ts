import type { Post } from '../schema/establishment';
import type { Advert, Application, Vacancy } from '../schema/recruitment';
import type { StageEvent } from '../schema/stage';
import type { TargetSettings } from '../targets';
import { eventColumns } from './event-columns';
import { deriveFacts, type ApplicationFacts } from './facts';
import { closingDayByVacancy } from './time-to-hire';
import { firstStartByVacancy } from './time-to-fill';
import type { ReportInput } from './types';

/** A report's data without the report date: what the prepared form is built from. */
export type ReportData = Omit<ReportInput, 'asOf'>;

/**
 * The data of a report with everything that depends on neither the filters nor the report
 * date worked out once: each application's facts (timestamps read to day numbers, history
 * ordered, stays measured) and the per-vacancy dates. A report over it (reportFromPrepared
 * in index.ts) only filters and counts, so changing filters costs no parsing.
 */
export interface PreparedReport {
  /** Facts of the applications the report covers: all of them, or those a query selected (the worker). */
  facts: readonly ApplicationFacts[];
  vacancies: readonly Vacancy[];
  adverts: readonly Advert[];
  posts: readonly Post[];
  settings: TargetSettings;
  /** Day the first candidate started per vacancy, over every application (time to fill ignores the filters on applications). */
  firstStart: ReadonlyMap<string, number>;
  /** Closing day per vacancy, its own or its latest advert's (closing date to offer). */
  closingDay: ReadonlyMap<string, number>;
}

/** Facts of every application, in the order of `applications`. */
export function factsOf(
  applications: readonly Application[],
  events: readonly StageEvent[],
  vacancies: readonly Vacancy[],
  settings: TargetSettings,
): ApplicationFacts[] {
  const byId = new Map(vacancies.map((v) => [v.id, v]));
  const columns = eventColumns(applications, events);
  const facts: ApplicationFacts[] = new Array(applications.length);
  for (let k = 0; k < applications.length; k++) {
    const application = applications[k]!;
    facts[k] = deriveFacts(application, byId.get(application.vacancyId), columns, k, settings);
  }
  return facts;
}

export function prepareReport(data: ReportData): PreparedReport {
  const facts = factsOf(data.applications, data.events, data.vacancies, data.settings);
  return {
    facts,
    vacancies: data.vacancies,
    adverts: data.adverts ?? [],
    posts: data.posts ?? [],
    settings: data.settings,
    firstStart: firstStartByVacancy(facts),
    closingDay: closingDayByVacancy(data.vacancies, data.adverts ?? []),
  };
}

/**
 * Prepares report data for a page that reports over it again and again (the workspace:
 * every change of filters): the same data, by the identity of its arrays and settings, is
 * prepared once. The workspace re-reads the database on each change, so a change of data
 * is a new snapshot and is prepared again in full. Reusing the parsed fields of unchanged
 * events across snapshots was measured and dropped: looking 100,000 events up by id cost
 * more than parsing them again (npm run bench, report.prepare_10k_ms; README "Speed").
 */
export class ReportPreparer {
  private last: { keys: readonly unknown[]; prepared: PreparedReport } | undefined;

  prepare(data: ReportData): PreparedReport {
    const keys = [data.applications, data.events, data.vacancies, data.adverts, data.posts, data.settings];
    if (this.last && this.last.keys.every((k, i) => k === keys[i])) return this.last.prepared;
    const prepared = prepareReport(data);
    this.last = { keys, prepared };
    return prepared;
  }
}
