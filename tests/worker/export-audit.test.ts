import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { exportResponse } from '#shared/api/index';
import { APPLICATION_AUDIT_SQL } from '../../worker/src/db/export';
import { application, call, id, setupOrg, stageEvent, team, TestClient, vacancy } from './helpers';

/**
 * A candidate's export reads the audit by table and record (worker/src/db/export.ts), through
 * audit_log_org_record_id, since migration 0011 dropped the index by record alone.
 */
describe('the audit in a candidate’s export', () => {
  it('holds every audit row of the application, its stage events and checks, in order, and no other table’s', async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.coordinator);
    const [v, a, e, k] = [id(), id(), id(), id()];
    const first = await c.push([
      c.upsert('vacancies', v, vacancy()),
      c.upsert('applications', a, application(v)),
      c.upsert('stage_events', e, stageEvent(a, org.users.coordinator, 'applied')),
      c.upsert('checks', k, { applicationId: a, kind: 'references' }),
    ]);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    // An edit, an admin's export (audited as the application's), and a team that happens to share the application's id.
    expect((await c.push([c.upsert('applications', a, { phone: '07700 900123' }), c.upsert('teams', a, team())])).status).toBe(200);
    expect((await call('GET', `/v1/admin/export?applicationId=${a}`, org.tokens.admin)).status).toBe(200);

    const { results } = await env.DB.prepare(
      `SELECT tbl, record_id, action FROM audit_log WHERE org_id = ?1 AND ((tbl = 'applications' AND record_id = ?2) OR (tbl = 'stage_events' AND record_id = ?3) OR (tbl = 'checks' AND record_id = ?4)) ORDER BY id`,
    )
      .bind(org.orgId, a, e, k)
      .all<{ tbl: string; record_id: string; action: string }>();
    // create, update and the first export of the application; the event's and the check's creations.
    expect(results.map((r) => `${r.tbl} ${r.action}`)).toEqual(['applications create', 'stage_events create', 'checks create', 'applications update', 'applications export']);
    const body = exportResponse.parse((await call('GET', `/v1/admin/export?applicationId=${a}`, org.tokens.admin)).body);
    expect(body.audit.map((r) => ({ tbl: r.table, record_id: r.recordId, action: r.action }))).toEqual(results);
    expect(body.audit.some((r) => r.table === 'teams')).toBe(false);
  });

  it('searches the index by table and record, the one by record alone being gone', async () => {
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${APPLICATION_AUDIT_SQL}`).bind('org', '[]').all<{ detail: string }>();
    expect(plan.results.map((r) => r.detail).join('\n')).toMatch(/SEARCH audit_log USING INDEX audit_log_org_record_id \(org_id=\? AND tbl=\? AND record_id=\?\)/);
    const index = await env.DB.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'audit_log_org_record'`).first();
    expect(index).toBeNull();
  });
});
