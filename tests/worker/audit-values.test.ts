import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { auditResponse } from '#shared/api/index';
import { application, call, id, setupOrg, stageEvent, TestClient, vacancy } from './helpers';

const trailOf = async (token: string, table: string, recordId: string) => {
  const r = await call('GET', `/v1/admin/audit?table=${table}&recordId=${recordId}`, token);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return auditResponse.parse(r.body).entries;
};

describe('audit values: non-personal fields with their values, personal ones by name only', () => {
  it('keeps what a change set for stages, sources and dates, and only the names of personal fields', async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.coordinator);
    const [v, a, ev] = [id(), id(), id()];
    const r = await c.push([
      c.upsert('vacancies', v, vacancy({ status: 'open' })),
      c.upsert('applications', a, application(v, { name: 'Ben Francis', email: 'ben.francis@example.org', teamPreference: 'near Ben' })),
      c.upsert('stage_events', ev, stageEvent(a, org.users.coordinator, 'rejected', { note: 'Ben lacks post-qualifying experience' })),
    ]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await c.push([c.upsert('applications', a, { email: 'ben@example.org', yearsQualified: 9 })])).status).toBe(200);

    const [edit, create] = await trailOf(org.tokens.admin, 'applications', a);
    expect(create!.fields).toEqual(expect.arrayContaining(['name', 'email', 'phone', 'teamPreference', 'source', 'receivedDate']));
    expect(create!.values).toEqual({ vacancyId: v, source: 'community_care', experience: 'experienced', yearsQualified: 4, receivedDate: '2026-03-02' });
    expect(edit!.fields!.sort()).toEqual(['email', 'yearsQualified']);
    expect(edit!.values).toEqual({ yearsQualified: 9 });
    const [event] = await trailOf(org.tokens.central, 'stage_events', ev);
    // The stage, reason and dates with their values; the note by name; `by` is the entry's user.
    expect(event!.values).toMatchObject({ stage: 'rejected', reason: 'not_qualified', applicationId: a });
    expect(event!.values).not.toHaveProperty('note');
    expect(event!.values).not.toHaveProperty('by');
    expect(event!.fields).toContain('note');
    const [vacancyEntry] = await trailOf(org.tokens.admin, 'vacancies', v);
    expect(vacancyEntry!.values).toMatchObject({ status: 'open', title: 'Social worker, assessment' });

    expect((await call('POST', '/v1/admin/erase', org.tokens.admin, { applicationId: a })).status).toBe(200);
    const raw = await env.DB.prepare('SELECT group_concat(coalesce(fields, "") || coalesce(field_values, ""), " | ") AS t FROM audit_log WHERE org_id = ?1').bind(org.orgId).first<{ t: string }>();
    expect(raw!.t).toContain('rejected');
    expect(raw!.t).not.toMatch(/Ben|Francis|ben\.francis|ben@example|post-qualifying/);
  });
});
