import { instantMs, londonDayOfMs } from '#shared/calendar';
import { factsOf, type ApplicationFacts, type PreparedReport, type ReportFilters } from '#shared/measures/index';
import { vacancyMatches, inPeriod } from '#shared/measures/filters';
import { closingDayByVacancy } from '#shared/measures/time-to-hire';
import type { Advert, Application, Post, Settings, StageEvent, Vacancy } from '#shared/schema/index';
import { chunks } from './chunk';
import { readSettings } from './settings';

/** Applications read per query, with their events in a second one (ids as one JSON parameter, under D1's 100 KB). */
export const APPLICATION_PAGE = 1000;

type DataRow = { data: string };
const parse = <T>(r: D1Result<DataRow> | undefined): T[] => (r?.results ?? []).map((x) => JSON.parse(x.data) as T);

/**
 * What a report over `filters` needs, read by indexed queries instead of the whole
 * organisation: the applications the filters select (received in the period, from the
 * source, on a vacancy of the team and role: migrations/0005 indexes the received date),
 * page by page with only their own stage events (the applicationId index), each page
 * reduced to facts before the next is read; and, for time to fill, only the `started`
 * events of the vacancies opened in the period. Vacancies, adverts and posts are the
 * establishment, read whole: they grow with posts, not with years of applications.
 * The result is the same PreparedReport that prepareReport builds from everything,
 * restricted to what the filters can see, so reportFromPrepared gives the same report.
 */
export async function loadPreparedReport(db: D1Database, orgId: string, filters: ReportFilters, pageSize = APPLICATION_PAGE): Promise<PreparedReport> {
  const live = (t: string) => db.prepare(`SELECT data FROM ${t} WHERE org_id = ?1 AND deleted = 0`).bind(orgId);
  const [vacancyRows, advertRows, postRows] = await db.batch<DataRow>([live('vacancies'), live('adverts'), live('posts')]);
  const vacancies = parse<Vacancy>(vacancyRows);
  const adverts = parse<Advert>(advertRows);
  const posts = parse<Post>(postRows);
  const settings = await readSettings(db, orgId);

  const [facts, firstStart] = await Promise.all([
    selectedFacts(db, orgId, filters, vacancies, settings, pageSize),
    firstStartOfVacancies(db, orgId, vacanciesOpenedInPeriod(vacancies, adverts, filters)),
  ]);
  return { facts, vacancies, adverts, posts, settings, firstStart, closingDay: closingDayByVacancy(vacancies, adverts) };
}

/** Facts of the applications the filters select, in the order of a full read (by id), so the report's lists come out in the same order. */
async function selectedFacts(db: D1Database, orgId: string, filters: ReportFilters, vacancies: Vacancy[], settings: Settings, pageSize: number): Promise<ApplicationFacts[]> {
  const byVacancy = filters.teamIds?.length || filters.roles?.length ? vacancies.filter((v) => vacancyMatches(v, filters)).map((v) => v.id) : null;
  if (byVacancy && byVacancy.length === 0) return [];
  const conditions = ['org_id = ?1', 'deleted = 0'];
  const params: unknown[] = [orgId];
  const param = (value: unknown) => `?${params.push(value)}`;
  if (filters.from) conditions.push(`json_extract(data, '$.receivedDate') >= ${param(filters.from)}`);
  if (filters.to) conditions.push(`json_extract(data, '$.receivedDate') <= ${param(filters.to)}`);
  if (filters.sources?.length) conditions.push(`json_extract(data, '$.source') IN (SELECT value FROM json_each(${param(JSON.stringify(filters.sources))}))`);
  if (byVacancy) conditions.push(`json_extract(data, '$.vacancyId') IN (SELECT value FROM json_each(${param(JSON.stringify(byVacancy))}))`);
  const afterDate = `?${params.length + 1}`;
  const afterId = `?${params.length + 2}`;
  const limit = `?${params.length + 3}`;
  // Keyset pages along the (org_id, receivedDate) index: each page starts after the last row of the one before.
  const page = db.prepare(
    `SELECT id, json_extract(data, '$.receivedDate') AS received, data FROM applications
      WHERE ${conditions.join(' AND ')}
        AND (json_extract(data, '$.receivedDate'), id) > (${afterDate}, ${afterId})
      ORDER BY json_extract(data, '$.receivedDate'), id LIMIT ${limit}`,
  );
  const facts: ApplicationFacts[] = [];
  let after = { received: '', id: '' };
  for (;;) {
    const rows = (await page.bind(...params, after.received, after.id, pageSize).all<{ id: string; received: string; data: string }>()).results;
    if (rows.length === 0) break;
    const applications = rows.map((r) => JSON.parse(r.data) as Application);
    const events = await eventsOf(db, orgId, rows.map((r) => r.id));
    for (const f of factsOf(applications, events, vacancies, settings)) facts.push(f);
    const last = rows.at(-1)!;
    after = { received: last.received, id: last.id };
    if (rows.length < pageSize) break;
  }
  return facts.sort((a, b) => (a.application.id < b.application.id ? -1 : a.application.id > b.application.id ? 1 : 0));
}

async function eventsOf(db: D1Database, orgId: string, applicationIds: string[]): Promise<StageEvent[]> {
  const statements = chunks(applicationIds, APPLICATION_PAGE).map((ids) =>
    db
      .prepare(`SELECT data FROM stage_events WHERE org_id = ?1 AND deleted = 0 AND json_extract(data, '$.applicationId') IN (SELECT value FROM json_each(?2))`)
      .bind(orgId, JSON.stringify(ids)),
  );
  return (await db.batch<DataRow>(statements)).flatMap((r) => parse<StageEvent>(r));
}

/**
 * A superset of the vacancies time to fill looks at (timeToFill applies the rest): matching
 * the team and role filters, opened (its date, else its first advert's) in the period.
 */
function vacanciesOpenedInPeriod(vacancies: Vacancy[], adverts: Advert[], filters: ReportFilters): string[] {
  const firstPosted = new Map<string, string>();
  for (const a of adverts) if (a.postedDate && !(firstPosted.get(a.vacancyId)! <= a.postedDate)) firstPosted.set(a.vacancyId, a.postedDate);
  return vacancies
    .filter((v) => {
      const opened = v.openedDate ?? firstPosted.get(v.id);
      return opened && vacancyMatches(v, filters) && (!(filters.from || filters.to) || inPeriod(opened, filters));
    })
    .map((v) => v.id);
}

/**
 * Day the first candidate started per vacancy, from every live application of the vacancy
 * (whatever its source or received date): the earliest `started` event is the first in its
 * history, so its day is the facts' firstDay.started.
 */
async function firstStartOfVacancies(db: D1Database, orgId: string, vacancyIds: string[]): Promise<Map<string, number>> {
  const firstStart = new Map<string, number>();
  if (vacancyIds.length === 0) return firstStart;
  const statements = chunks(vacancyIds, 500).map((ids) =>
    db
      .prepare(
        `SELECT json_extract(a.data, '$.vacancyId') AS vacancy_id, json_extract(e.data, '$.at') AS at
           FROM applications a
           JOIN stage_events e ON e.org_id = a.org_id AND json_extract(e.data, '$.applicationId') = a.id
          WHERE a.org_id = ?1 AND a.deleted = 0 AND e.deleted = 0
            AND json_extract(a.data, '$.vacancyId') IN (SELECT value FROM json_each(?2))
            AND json_extract(e.data, '$.stage') = 'started'`,
      )
      .bind(orgId, JSON.stringify(ids)),
  );
  for (const result of await db.batch<{ vacancy_id: string; at: string }>(statements)) {
    for (const row of result.results) {
      const day = londonDayOfMs(instantMs(row.at));
      if (day < (firstStart.get(row.vacancy_id) ?? Infinity)) firstStart.set(row.vacancy_id, day);
    }
  }
  return firstStart;
}
