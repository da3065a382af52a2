import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { auditResponse, type AuditEntryView } from '#shared/api/index';
import { application, call, createToken, createUser, id, setupOrg, stageEvent, TestClient, vacancy } from './helpers';

const audit = async (token: string, query = '') => {
  const r = await call('GET', `/v1/admin/audit${query}`, token);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return auditResponse.parse(r.body);
};

/** Every page of a query, following nextCursor. */
async function allPages(token: string, query: string, limit: number): Promise<{ entries: AuditEntryView[]; pages: number }> {
  const entries: AuditEntryView[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await audit(token, `${query}${query ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    entries.push(...page.entries);
    cursor = page.nextCursor;
    pages++;
  } while (cursor);
  return { entries, pages };
}

describe('GET /v1/admin/audit', () => {
  it('names who changed a stage, and still does after the candidate is erased, with nothing personal of theirs', async () => {
    const org = await setupOrg();
    const tom = await createUser(org.orgId, 'manager', 'Tom Okafor');
    const tomToken = await createToken(org.orgId, tom);
    const c = new TestClient(org.tokens.coordinator);
    const v = id();
    const a = id();
    await c.push([c.upsert('vacancies', v, vacancy()), c.upsert('applications', a, application(v, { name: 'Ben Francis', email: 'ben.francis@example.org', assignedTo: tom }))]);
    await call('PUT', '/v1/admin/settings', org.tokens.admin, { retentionMonths: 9 });
    const slot = new TestClient(org.tokens.coordinator);
    const monday = (() => {
      const d = new Date();
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      return d.toISOString().slice(0, 10);
    })();
    await slot.push([slot.upsert('rota_slots', id(), { week: monday, duty: 'shortlisting', managerId: tom })]);
    const m = new TestClient(tomToken);
    const ev = id();
    const moved = await m.push([m.upsert('stage_events', ev, stageEvent(a, tom, 'shortlisted', { note: 'Ben is a strong candidate' }))]);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);

    const byRecord = await audit(org.tokens.central, `?table=stage_events&recordId=${ev}`);
    expect(byRecord.entries).toEqual([expect.objectContaining({ userId: tom, userName: 'Tom Okafor', action: 'create', table: 'stage_events', recordId: ev })]);
    expect(byRecord.entries[0]!.fields).toEqual(expect.arrayContaining(['stage', 'applicationId', 'note']));

    expect((await call('POST', '/v1/admin/erase', org.tokens.admin, { applicationId: a })).status).toBe(200);
    const after = await audit(org.tokens.admin);
    expect(after.entries.find((e) => e.recordId === ev && e.action === 'create')).toMatchObject({ userName: 'Tom Okafor' });
    expect(after.entries.some((e) => e.recordId === a && e.action === 'erase' && e.userId === org.users.admin)).toBe(true);
    const text = JSON.stringify(after);
    expect(text).not.toMatch(/Ben|Francis|ben\.francis@example|strong candidate/);
    const raw = await env.DB.prepare('SELECT group_concat(coalesce(fields, "") || " " || coalesce(record_id, "") || " " || action, " | ") AS t FROM audit_log WHERE org_id = ?1').bind(org.orgId).first<{ t: string }>();
    expect(raw!.t).not.toMatch(/Ben|Francis|ben\.francis/);
    // Settings changes are in the trail too: the rules that changed, not every rule the document holds.
    expect(after.entries.filter((e) => e.action === 'update_settings').map((e) => [e.table, e.fields])).toEqual([['settings', ['retentionMonths']]]);
  });

  it('filters by user and time, and pages newest first without gaps or repeats', async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.coordinator);
    const teams = Array.from({ length: 7 }, () => id());
    await c.push(teams.map((t, i) => c.upsert('teams', t, { name: `Team ${i}`, type: 'assessment' })));
    await call('POST', '/v1/admin/users', org.tokens.admin, { name: 'New Person', email: 'new.person@council.gov.uk', role: 'manager' });

    const mine = await allPages(org.tokens.admin, `?userId=${org.users.coordinator}`, 3);
    expect(mine.pages).toBe(3);
    expect(mine.entries.map((e) => e.recordId)).toEqual([...teams].reverse());
    expect(new Set(mine.entries.map((e) => e.id)).size).toBe(7);
    const ids = mine.entries.map((e) => e.id);
    expect([...ids].sort((x, y) => y - x)).toEqual(ids);

    const admins = await audit(org.tokens.admin, `?userId=${org.users.admin}`);
    expect(admins.entries.map((e) => e.action)).toEqual(['create_user']);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await audit(org.tokens.admin, `?from=${encodeURIComponent(future)}`)).entries).toEqual([]);
    expect((await audit(org.tokens.admin, `?to=${encodeURIComponent('2020-01-01T00:00:00Z')}`)).entries).toEqual([]);
    expect((await audit(org.tokens.admin, `?from=2020-01-01T00:00:00Z&to=${encodeURIComponent(future)}`)).entries).toHaveLength(8);
  });

  it("filters by person: their applications' entries with those of their stage events and checks, nobody else's", async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.coordinator);
    const v = id();
    const [first, second, other] = [id(), id(), id()];
    const [ev1, ev2, evOther, check] = [id(), id(), id(), id()];
    await c.push([
      c.upsert('vacancies', v, vacancy()),
      c.upsert('applications', first, application(v, { name: 'Ben Francis' })),
      c.upsert('applications', second, application(v, { name: 'Ben Francis' })),
      c.upsert('applications', other, application(v, { name: 'Someone Else' })),
      c.upsert('stage_events', ev1, stageEvent(first, org.users.coordinator, 'shortlisted')),
      c.upsert('stage_events', ev2, stageEvent(second, org.users.coordinator, 'shortlisted')),
      c.upsert('stage_events', evOther, stageEvent(other, org.users.coordinator, 'shortlisted')),
      c.upsert('checks', check, { applicationId: first, kind: 'dbs_barred_list', requested: '2026-11-02' }),
    ]);
    const ben = await audit(org.tokens.central, `?applicationIds=${first},${second}`);
    expect(new Set(ben.entries.map((e) => e.recordId))).toEqual(new Set([first, second, ev1, ev2, check]));
    const one = await audit(org.tokens.central, `?applicationIds=${first}&table=stage_events`);
    expect(one.entries.map((e) => e.recordId)).toEqual([ev1]);
    expect((await call('GET', '/v1/admin/audit?applicationIds=Ben%20Francis', org.tokens.admin)).status).toBe(400);
    const many = Array.from({ length: 21 }, () => id()).join(',');
    expect((await call('GET', `/v1/admin/audit?applicationIds=${many}`, org.tokens.admin)).status).toBe(400);
  });

  it('is read by admins and the central team only, each within their own organisation', async () => {
    const org = await setupOrg();
    const other = await setupOrg('Elsewhere Council');
    const c = new TestClient(other.tokens.coordinator);
    await c.push([c.upsert('teams', id(), { name: 'Elsewhere team', type: 'court' })]);
    expect((await audit(org.tokens.central)).entries).toEqual([]);
    expect((await audit(other.tokens.central)).entries).toHaveLength(1);
    for (const role of ['coordinator', 'manager'] as const) {
      const r = await call('GET', '/v1/admin/audit', org.tokens[role]);
      expect(r.status).toBe(403);
      expect(r.body.error.message).toMatch(/audit trail is for admins and the central team/);
    }
    // The rest of the admin API stays admins' only.
    expect((await call('GET', '/v1/admin/users', org.tokens.central)).status).toBe(403);
    expect((await call('GET', '/v1/admin/audit?recordId=x', org.tokens.admin)).status).toBe(400);
  });

  it('records admin exports and subject-access requests', async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.coordinator);
    const v = id();
    const a = id();
    await c.push([c.upsert('vacancies', v, vacancy()), c.upsert('applications', a, application(v))]);
    await call('GET', `/v1/admin/export?applicationId=${a}`, org.tokens.admin);
    await call('GET', '/v1/admin/subject-access?email=alex%40example.com', org.tokens.admin);
    const trail = await audit(org.tokens.admin, `?table=applications&recordId=${a}`);
    expect(trail.entries.map((e) => e.action)).toEqual(['subject_access', 'export', 'create']);
  });
});
