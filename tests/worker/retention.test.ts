import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { pullResponseSchema } from '#shared/api/index';
import worker from '../../worker/src/index';
import { application, call, id, rowOf, setupOrg, stageEvent, TestClient, vacancy, type TestOrg } from './helpers';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/** Fires the worker's cron trigger as workerd would, and waits for the work it hands to waitUntil. */
async function fireSchedule(at = Date.now()) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: '30 2 * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
}

/** A vacancy its coordinator has pushed, for candidates to apply to. */
async function vacancyIn(org: TestOrg) {
  const c = new TestClient(org.tokens.coordinator);
  const v = id();
  await c.push([c.upsert('vacancies', v, vacancy())]);
  return { org, c, v };
}

interface Candidate {
  app: string;
  events: string[];
  check: string;
}

/** A candidate with a stage history ending `days` ago in `last`, a note and a check note. */
async function candidate(org: TestOrg, c: TestClient, vacancyId: string, name: string, history: [string, number][]): Promise<Candidate> {
  const app = id();
  const events = history.map(() => id());
  const check = id();
  const email = `${name.split(' ')[0]!.toLowerCase()}@example.org`;
  const r = await c.push([
    c.upsert('applications', app, application(vacancyId, { name, email, teamPreference: `near ${name}'s home`, receivedDate: ago(history[0]![1] + 1).slice(0, 10) })),
    ...history.map(([stage, days], i) =>
      c.upsert('stage_events', events[i]!, stageEvent(app, org.users.coordinator, stage, { at: ago(days), note: `${name} said so`, ...(stage === 'withdrawn' ? { reason: 'salary' } : {}) })),
    ),
    c.upsert('checks', check, { applicationId: app, kind: 'references', note: `${name}'s referee` }),
  ]);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return { app, events, check };
}

const data = async (table: string, org: TestOrg, recordId: string) => JSON.parse((await rowOf(table, org.orgId, recordId))!.data as string);

describe('retention, enforced by the daily scheduled run', () => {
  it('erases an application past its date, through the erasure path, and leaves the others and the measures alone', async () => {
    const { org, c, v } = await vacancyIn(await setupOrg());
    const expired = await candidate(org, c, v, 'Wendy Withdrew', [['applied', 400], ['withdrawn', 200]]);
    const recent = await candidate(org, c, v, 'Rita Recent', [['applied', 60], ['rejected', 30]]);
    const open = await candidate(org, c, v, 'Olly Open', [['applied', 900]]);
    const hired = await candidate(org, c, v, 'Hal Hired', [['applied', 900], ['shortlisted', 899], ['interviewed', 898], ['offered', 897], ['accepted', 896], ['checks_complete', 895], ['started', 890]]);
    const { cursor } = await c.pullAll();
    const before = (await call('GET', '/v1/reports/summary', org.tokens.central)).body;

    await fireSchedule();

    const app = await rowOf('applications', org.orgId, expired.app);
    expect(app!.erased).toBe(1);
    const erased = JSON.parse(app!.data);
    expect(erased).toMatchObject({ name: null, email: null, teamPreference: null, erased: true, source: 'community_care', vacancyId: v });
    for (const e of expired.events) expect((await data('stage_events', org, e)).note).toBeNull();
    expect((await data('checks', org, expired.check)).note).toBeNull();
    // It reaches browsers like any erasure: the next pull brings the erased record.
    const pulled = pullResponseSchema.parse((await c.pull(cursor)).body);
    expect(pulled.changes.find((x) => x.recordId === expired.app)?.record).toMatchObject({ name: null, email: null, erased: true });
    // Audited as the retention schedule.
    const audit = await env.DB.prepare(`SELECT user_id, action FROM audit_log WHERE org_id = ?1 AND record_id = ?2 AND action = 'erase'`).bind(org.orgId, expired.app).all();
    expect(audit.results).toEqual([{ user_id: 'retention', action: 'erase' }]);
    // Nothing personal of Wendy's anywhere in the organisation's D1 rows.
    const dump = await env.DB.prepare(
      `SELECT group_concat(x, ' ') AS all_text FROM (
         SELECT data AS x FROM applications WHERE org_id = ?1 UNION ALL SELECT data FROM stage_events WHERE org_id = ?1
         UNION ALL SELECT data FROM checks WHERE org_id = ?1 UNION ALL SELECT coalesce(payload, '') FROM changes WHERE org_id = ?1)`,
    )
      .bind(org.orgId)
      .first<{ all_text: string }>();
    expect(dump!.all_text).not.toMatch(/Wendy|wendy@example/);
    expect(dump!.all_text).toMatch(/Rita|Olly|Hal/);

    for (const kept of [recent, open, hired]) {
      const row = await rowOf('applications', org.orgId, kept.app);
      expect(row!.erased).toBe(0);
      expect(JSON.parse(row!.data).name).toBeTruthy();
    }
    // Measures keep working on the anonymised record: the report is the same.
    const after = (await call('GET', '/v1/reports/summary', org.tokens.central)).body;
    expect(after).toEqual(before);
    // A second run finds nothing more to do.
    const changes = await env.DB.prepare('SELECT count(*) AS n FROM changes WHERE org_id = ?1').bind(org.orgId).first<{ n: number }>();
    await fireSchedule();
    expect((await env.DB.prepare('SELECT count(*) AS n FROM changes WHERE org_id = ?1').bind(org.orgId).first<{ n: number }>())!.n).toBe(changes!.n);
  });

  it('keeps everything when the period is 0, and erases hires only after their own period', async () => {
    const { org, c, v } = await vacancyIn(await setupOrg());
    const old = await candidate(org, c, v, 'Kit Kept', [['applied', 3000], ['rejected', 2990]]);
    const hire = await candidate(org, c, v, 'Hana Hire', [['applied', 900], ['shortlisted', 899], ['interviewed', 898], ['offered', 897], ['accepted', 896], ['checks_complete', 895], ['started', 500]]);
    const keep = await call('PUT', '/v1/admin/settings', org.tokens.admin, { retentionMonths: 0, hiredRetentionMonths: 12 });
    expect(keep.status, JSON.stringify(keep.body)).toBe(200);
    await fireSchedule();
    expect((await rowOf('applications', org.orgId, old.app))!.erased).toBe(0);
    expect((await rowOf('applications', org.orgId, hire.app))!.erased).toBe(1);
    expect((await data('applications', org, hire.app)).name).toBeNull();
    // The settings refuse a negative period and say what 0 means.
    const bad = await call('PUT', '/v1/admin/settings', org.tokens.admin, { retentionMonths: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/retentionMonths: must be 0 \(keep\) or more/);
  });

  it('runs each organisation by its own settings', async () => {
    const keeping = await setupOrg('Keepshire');
    const erasing = await setupOrg('Eraseshire');
    await call('PUT', '/v1/admin/settings', keeping.tokens.admin, { retentionMonths: 0 });
    const made: Record<string, Candidate> = {};
    for (const org of [keeping, erasing]) {
      const { c, v } = await vacancyIn(org);
      made[org.orgId] = await candidate(org, c, v, 'Sam Same', [['applied', 500], ['withdrawn', 400]]);
    }
    await fireSchedule();
    expect((await rowOf('applications', keeping.orgId, made[keeping.orgId]!.app))!.erased).toBe(0);
    expect((await rowOf('applications', erasing.orgId, made[erasing.orgId]!.app))!.erased).toBe(1);
  });
});
