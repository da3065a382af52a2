import type { Post } from '../schema/establishment';
import type { Advert, Application, Vacancy } from '../schema/recruitment';
import type { StageEvent } from '../schema/stage';
import type { TargetSettings } from '../targets';
import { eventColumns, parseEvent, type ParsedEvents } from './event-columns';
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
  parsed?: ParsedEvents,
): ApplicationFacts[] {
  const byId = new Map(vacancies.map((v) => [v.id, v]));
  const columns = eventColumns(applications, events, parsed);
  const facts: ApplicationFacts[] = new Array(applications.length);
  for (let k = 0; k < applications.length; k++) {
    const application = applications[k]!;
    facts[k] = deriveFacts(application, byId.get(application.vacancyId), columns, k, settings);
  }
  return facts;
}

export function prepareReport(data: ReportData, parsed?: ParsedEvents): PreparedReport {
  const facts = factsOf(data.applications, data.events, data.vacancies, data.settings, parsed);
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

interface CachedEvent {
  at: string;
  stage: string;
  interviewAt: string | null;
  parsed: ReturnType<typeof parseEvent>;
  /** The last preparation that saw this event, so events no longer in the data can be dropped. */
  seen: number;
}

/**
 * Prepares report data as it changes, for a page that re-reads the database on every change
 * (the workspace): the same data (by identity) is prepared once, and an event whose fields
 * are unchanged since the last preparation is not parsed again, whether or not the record
 * object is the same one. Results are exactly those of prepareReport over the same data.
 */
export class ReportPreparer {
  private readonly events = new Map<string, CachedEvent>();
  private generation = 0;
  private last: { keys: readonly unknown[]; prepared: PreparedReport } | undefined;

  prepare(data: ReportData): PreparedReport {
    const keys = [data.applications, data.events, data.vacancies, data.adverts, data.posts, data.settings];
    if (this.last && this.last.keys.every((k, i) => k === keys[i])) return this.last.prepared;
    const prepared = prepareReport(data, this.parse(data.events));
    this.last = { keys, prepared };
    return prepared;
  }

  /** How many events' parsed fields are kept (for tests). */
  get cachedEvents(): number {
    return this.events.size;
  }

  private parse(events: readonly StageEvent[]): ParsedEvents {
    const generation = ++this.generation;
    const n = events.length;
    const out: ParsedEvents = { ms: new Float64Array(n), stage: new Uint8Array(n), interviewMs: new Float64Array(n) };
    for (let i = 0; i < n; i++) {
      const e = events[i]!;
      const interviewAt = e.interviewAt ?? null;
      let cached = this.events.get(e.id);
      if (!cached || cached.at !== e.at || cached.stage !== e.stage || cached.interviewAt !== interviewAt) {
        cached = { at: e.at, stage: e.stage, interviewAt, parsed: parseEvent(e), seen: generation };
        this.events.set(e.id, cached);
      }
      cached.seen = generation;
      const p = cached.parsed;
      out.stage[i] = p.stage;
      out.ms[i] = p.ms;
      out.interviewMs[i] = p.interviewMs;
    }
    // Forget events that left the data once they are a good part of the cache.
    if (this.events.size > n * 1.25 + 1000) for (const [id, c] of this.events) if (c.seen !== generation) this.events.delete(id);
    return out;
  }
}
