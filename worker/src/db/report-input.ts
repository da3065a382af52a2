import type { ReportInput } from '#shared/measures/index';
import type { Advert, Application, Post, StageEvent, Vacancy } from '#shared/schema/index';
import { readSettings } from './settings';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** The organisation's live (not deleted) records the measures need, read in one batch. */
export async function loadReportInput(db: D1Database, orgId: string): Promise<ReportInput> {
  const q = (t: string) => db.prepare(`SELECT data FROM ${t} WHERE org_id = ?1 AND deleted = 0`).bind(orgId);
  const [apps, events, vacancies, adverts, posts] = await db.batch<{ data: string }>([q('applications'), q('stage_events'), q('vacancies'), q('adverts'), q('posts')]);
  const parse = <T>(r: D1Result<{ data: string }> | undefined) => (r?.results ?? []).map((x) => JSON.parse(x.data) as T);
  return {
    applications: parse<Application>(apps),
    events: parse<StageEvent>(events),
    vacancies: parse<Vacancy>(vacancies),
    adverts: parse<Advert>(adverts),
    posts: parse<Post>(posts),
    settings: await readSettings(db, orgId),
    asOf: today(),
  };
}
