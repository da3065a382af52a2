import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { subjectAccessResponse } from '#shared/api/index';
import { application, call, id, setupOrg, stageEvent, TestClient, vacancy } from './helpers';

/** Pat applied twice; Patricia (a similar name) once; another council also holds a Pat with the same email. */
async function twoCouncils() {
  const org = await setupOrg();
  const other = await setupOrg('Otherby Borough Council');
  const c = new TestClient(org.tokens.coordinator);
  const [v1, v2] = [id(), id()];
  const [pat1, pat2, patricia] = [id(), id(), id()];
  const pushed = await c.push([
    c.upsert('vacancies', v1, vacancy({ title: 'Social worker, assessment' })),
    c.upsert('vacancies', v2, vacancy({ title: 'Senior social worker, fostering' })),
    c.upsert('applications', pat1, application(v1, { name: 'Pat Person', email: 'pat@example.org', atsReference: 'OL-1001' })),
    c.upsert('applications', pat2, application(v2, { name: 'Pat  Person', email: 'Pat@Example.org', atsReference: 'OL-2002' })),
    c.upsert('applications', patricia, application(v1, { name: 'Pat Personage', email: 'pat.personage@example.org', atsReference: 'OL-1003' })),
    c.upsert('stage_events', id(), stageEvent(pat1, org.users.coordinator, 'shortlisted', { note: 'Pat asked for a morning slot' })),
    c.upsert('stage_events', id(), stageEvent(patricia, org.users.coordinator, 'shortlisted', { note: 'Patricia note, not Pat' })),
    c.upsert('checks', id(), { applicationId: pat2, kind: 'dbs_barred_list', requested: '2026-03-04', note: 'DBS sent to Pat' }),
  ]);
  expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
  const o = new TestClient(other.tokens.coordinator);
  const ov = id();
  const elsewhere = id();
  await o.push([o.upsert('vacancies', ov, vacancy()), o.upsert('applications', elsewhere, application(ov, { name: 'Pat Person', email: 'pat@example.org' }))]);
  return { org, other, pat1, pat2, patricia, elsewhere };
}

describe('GET /v1/admin/subject-access', () => {
  it('finds both applications of a person by email, and nothing of anyone else', async () => {
    const { org, pat1, pat2, patricia, elsewhere } = await twoCouncils();
    const r = await call('GET', '/v1/admin/subject-access?email=PAT%40example.org', org.tokens.admin);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const body = subjectAccessResponse.parse(r.body);
    expect(body.matchedBy).toBe('email');
    expect(body.applications.map((a) => a.applicationId).sort()).toEqual([pat1, pat2].sort());
    const one = body.applications.find((a) => a.applicationId === pat1)!;
    expect(one.stageEvents.map((e) => e.note)).toEqual(['Pat asked for a morning slot']);
    expect(body.applications.find((a) => a.applicationId === pat2)!.checks.map((k) => k.note)).toEqual(['DBS sent to Pat']);
    expect(one.audit.length).toBeGreaterThan(0);
    const text = JSON.stringify(body);
    for (const foreign of [patricia, elsewhere, 'Personage', 'Patricia']) expect(text).not.toContain(foreign);
  });

  it('finds the same person by exact name (case and spaces aside) or by ATS reference, never by a similar name', async () => {
    const { org, pat1, pat2 } = await twoCouncils();
    const byName = subjectAccessResponse.parse((await call('GET', '/v1/admin/subject-access?name=%20pat%20person', org.tokens.admin)).body);
    expect(byName.applications.map((a) => a.applicationId).sort()).toEqual([pat1, pat2].sort());
    const byRef = subjectAccessResponse.parse((await call('GET', '/v1/admin/subject-access?reference=ol-2002', org.tokens.admin)).body);
    expect(byRef.applications.map((a) => a.applicationId)).toEqual([pat2]);
    const nobody = subjectAccessResponse.parse((await call('GET', '/v1/admin/subject-access?name=Pat%20Pers', org.tokens.admin)).body);
    expect(nobody.applications).toEqual([]);
    const two = await call('GET', '/v1/admin/subject-access?name=Pat&email=pat%40example.org', org.tokens.admin);
    expect(two.status).toBe(400);
    expect(two.body.error.message).toMatch(/exactly one of email, reference, name or staff/);
  });

  it('gives a CSV a person can read, with a section per kind of record', async () => {
    const { org, pat1, pat2, patricia } = await twoCouncils();
    const r = await fetchCsv(org.tokens.admin, 'email=pat%40example.org');
    expect(r.type).toMatch(/^text\/csv/);
    expect(r.disposition).toMatch(/attachment; filename="subject-access-\d{4}-\d{2}-\d{2}\.csv"/);
    for (const heading of ['Applications', 'Stage history', 'Pre-employment checks', 'Conflicting edits kept', 'Audit trail']) expect(r.text).toContain(`\r\n${heading}\r\n`);
    expect(r.text).toContain(pat1);
    expect(r.text).toContain(pat2);
    expect(r.text).toContain('Senior social worker, fostering');
    expect(r.text).toContain('Shortlisted');
    expect(r.text).toContain("Enhanced DBS with children's barred list");
    expect(r.text).toContain('coordinator user');
    expect(r.text).not.toContain(patricia);
    expect(r.text).not.toContain('Patricia');
  });

  it('is for admins only, and is audited without the searched value', async () => {
    const { org, pat1, pat2 } = await twoCouncils();
    for (const role of ['central', 'coordinator', 'manager'] as const) {
      expect((await call('GET', '/v1/admin/subject-access?email=pat%40example.org', org.tokens[role])).status).toBe(403);
    }
    await call('GET', '/v1/admin/subject-access?email=pat%40example.org', org.tokens.admin);
    await call('GET', '/v1/admin/subject-access?name=Nobody%20Known', org.tokens.admin);
    const rows = await env.DB.prepare(`SELECT user_id, tbl, record_id, fields FROM audit_log WHERE org_id = ?1 AND action = 'subject_access' ORDER BY id`).bind(org.orgId).all();
    expect(rows.results).toEqual([
      ...[pat1, pat2].sort().map((recordId) => ({ user_id: org.users.admin, tbl: 'applications', record_id: recordId, fields: '["email"]' })),
      { user_id: org.users.admin, tbl: null, record_id: null, fields: '["name"]' },
    ]);
    const all = await env.DB.prepare('SELECT group_concat(coalesce(fields, "") || coalesce(record_id, ""), " ") AS t FROM audit_log WHERE org_id = ?1').bind(org.orgId).first<{ t: string }>();
    expect(all!.t).not.toMatch(/pat@example|Nobody/i);
  });
});

async function fetchCsv(token: string, query: string) {
  const { exports } = await import('cloudflare:workers');
  const res = await exports.default.fetch(new Request(`http://worker/v1/admin/subject-access?${query}&format=csv`, { headers: { Authorization: `Bearer ${token}` } }));
  expect(res.status).toBe(200);
  return { type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', text: await res.text() };
}
