import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInLondon } from '#shared/calendar';
import { computeReport, reportFromPrepared, type ReportFilters, type ReportInput } from '#shared/measures/index';
import { TEAM_TYPES, type Advert, type Application, type Post, type StageEvent, type Vacancy } from '#shared/schema/index';
import { readSettings } from '../../worker/src/db/settings';
import { loadPreparedReport } from '../../worker/src/db/report-input';
import { generate } from '../bench/generate';
import { call, id, setupOrg, TestClient, type TestOrg } from './helpers';

// The report endpoint reads only what the period asks for (worker/src/db/report-input.ts);
// its answers must be computeReport's over every live record of the organisation, as before.

/** Every live record the measures read, the way the endpoint used to load them. */
async function everything(orgId: string): Promise<ReportInput> {
  const q = (t: string) => env.DB.prepare(`SELECT data FROM ${t} WHERE org_id = ?1 AND deleted = 0`).bind(orgId);
  const [apps, events, vacancies, adverts, posts] = await env.DB.batch<{ data: string }>([q('applications'), q('stage_events'), q('vacancies'), q('adverts'), q('posts')]);
  const parse = <T>(r: D1Result<{ data: string }> | undefined) => (r?.results ?? []).map((x) => JSON.parse(x.data) as T);
  return {
    applications: parse<Application>(apps),
    events: parse<StageEvent>(events),
    vacancies: parse<Vacancy>(vacancies),
    adverts: parse<Advert>(adverts),
    posts: parse<Post>(posts),
    settings: await readSettings(env.DB, orgId),
    asOf: todayInLondon(new Date()),
  };
}

let org: TestOrg;
let data: ReturnType<typeof generate>;
const withoutId = <T extends { id: string }>({ id: _, ...rest }: T) => rest;

beforeAll(async () => {
  org = await setupOrg();
  data = generate(700, 10);
  // Shapes the generated council lacks: vacancies opened only by their advert, adverts with closing
  // dates, and records deleted since. (An application on a vacancy nobody has can no longer be
  // pushed: references must name records the organisation holds.)
  for (const v of data.vacancies.slice(0, 30)) delete v.openedDate;
  const adverts: Advert[] = data.vacancies.slice(0, 60).map((v, i) => ({
    id: id(), vacancyId: v.id, url: `https://jobs.example.org/${i}`, board: 'Community Care', postedDate: '2025-01-13', closingDate: i % 2 ? '2025-03-14' : '2026-02-27',
  }));
  const client = new TestClient(org.tokens.central);
  const teamIds = [...new Set([...data.vacancies.flatMap((v) => v.teamIds), ...(data.posts ?? []).map((p) => p.teamId)])];
  const mutations = [
    ...teamIds.map((t, i) => client.upsert('teams', t, { name: `Team ${i}`, type: TEAM_TYPES[i % TEAM_TYPES.length]! })),
    ...data.vacancies.map((v) => client.upsert('vacancies', v.id, withoutId(v))),
    ...adverts.map((a) => client.upsert('adverts', a.id, withoutId(a))),
    ...(data.posts ?? []).slice(0, 120).map((p) => client.upsert('posts', p.id, withoutId(p))),
    ...data.applications.map((a) => client.upsert('applications', a.id, withoutId(a))),
    ...data.events.map((e) => client.upsert('stage_events', e.id, withoutId(e))),
    client.mutation('applications', 'delete', data.applications[7]!.id),
    client.mutation('vacancies', 'delete', data.vacancies[40]!.id),
  ];
  for (let i = 0; i < mutations.length; i += 1000) {
    const r = await client.push(mutations.slice(i, i + 1000));
    expect(r.status, JSON.stringify(r.body).slice(0, 500)).toBe(200);
    expect(r.body.applied).toBe(Math.min(1000, mutations.length - i));
  }
}, 120_000);

const cases: Array<[string, ReportFilters]> = [
  ['everything', {}],
  ['one year', { from: '2025-06-01', to: '2026-05-31' }],
  ['from a date on', { from: '2026-01-01' }],
  ['up to a date', { to: '2025-04-30' }],
  ['a quarter, one team', { from: '2025-04-01', to: '2025-06-30', teamIds: [] }],
  ['one role, one source', { roles: ['senior_social_worker'], sources: ['referral'] }],
  ['a period nobody applied in', { from: '2019-01-01', to: '2019-12-31' }],
];

describe('GET /v1/reports/summary', () => {
  it.each(cases)('answers as computeReport over every record: %s', async (_, filters) => {
    if (filters.teamIds) filters.teamIds = [data.vacancies[3]!.teamIds[0]!];
    const query = new URLSearchParams({
      ...(filters.from ? { from: filters.from } : {}),
      ...(filters.to ? { to: filters.to } : {}),
      ...(filters.teamIds ? { teamId: filters.teamIds[0]! } : {}),
      ...(filters.roles ? { role: filters.roles[0]! } : {}),
      ...(filters.sources ? { source: filters.sources[0]! } : {}),
    });
    const r = await call('GET', `/v1/reports/summary?${query}`, org.tokens.manager);
    expect(r.status).toBe(200);
    const expected = computeReport(await everything(org.orgId), filters);
    // Same numbers, and the same text: lists and keys in the same order.
    expect(JSON.stringify(r.body)).toBe(JSON.stringify(expected));
  });

  it('reads the selected applications page by page with the same answer', async () => {
    const filters: ReportFilters = { from: '2025-03-01', to: '2026-02-28' };
    const asOf = todayInLondon(new Date());
    const paged = reportFromPrepared(await loadPreparedReport(env.DB, org.orgId, filters, 37), filters, asOf);
    expect(paged).toEqual(computeReport(await everything(org.orgId), filters));
    expect(paged.applications).toBeGreaterThan(37 * 3);
  });

  it('finds the period through the received-date index, not a scan of the organisation', async () => {
    const plan = await env.DB.prepare(
      `EXPLAIN QUERY PLAN SELECT id, data FROM applications WHERE org_id = ?1 AND deleted = 0
         AND json_extract(data, '$.receivedDate') >= ?2 AND json_extract(data, '$.receivedDate') <= ?3
         AND (json_extract(data, '$.receivedDate'), id) > (?4, ?5)
       ORDER BY json_extract(data, '$.receivedDate'), id LIMIT 1000`,
    )
      .bind(org.orgId, '2025-01-01', '2025-12-31', '', '')
      .all<{ detail: string }>();
    const details = plan.results.map((p) => p.detail).join('\n');
    expect(details).toMatch(/USING INDEX applications_org_received/);
    expect(details).not.toMatch(/USE TEMP B-TREE/);
  });

  it('keeps organisations apart', async () => {
    const other = await setupOrg('Otherborough');
    const r = await call('GET', '/v1/reports/summary', other.tokens.central);
    expect(r.status).toBe(200);
    expect(r.body.applications).toBe(0);
  });
});
