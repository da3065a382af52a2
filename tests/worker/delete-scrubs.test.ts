import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { application, id, setupOrg, stageEvent, TestClient, vacancy, type TestOrg } from './helpers';

/** Everything D1 holds for an organisation's records, change log and conflicts, as one string to search. */
async function stored(org: TestOrg): Promise<string> {
  const parts: string[] = [];
  for (const t of ['applications', 'stage_events', 'checks', 'changes', 'conflicts']) {
    const { results } = await env.DB.prepare(`SELECT * FROM ${t} WHERE org_id = ?1`).bind(org.orgId).all();
    parts.push(JSON.stringify(results));
  }
  return parts.join('\n');
}

const PAT = ['Pat Person', 'pat@example.com', '07700 900555', 'Pat rang', "Pat's referee", 'near Pat'];

/** A candidate with a stage note, a check note and two edits in the change log, and a bystander. */
async function candidate() {
  const org = await setupOrg();
  const c = new TestClient(org.tokens.coordinator);
  const [v, v2, a, bystander, event, check] = [id(), id(), id(), id(), id(), id()];
  const r = await c.push([
    c.upsert('vacancies', v, vacancy()),
    c.upsert('vacancies', v2, vacancy({ title: 'Second' })),
    c.upsert('applications', a, application(v, { name: 'Pat Person', email: 'pat@example.com', phone: '07700 900555', teamPreference: 'near Pat' })),
    c.upsert('stage_events', event, stageEvent(a, org.users.coordinator, 'applied', { note: 'Pat rang' })),
    c.upsert('checks', check, { applicationId: a, kind: 'references', note: "Pat's referee is away" }),
    c.upsert('applications', bystander, application(v, { name: 'Bea Bystander', email: 'bea@example.com' })),
  ]);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const edit = await c.push([c.upsert('applications', a, { vacancyId: v2, phone: '07700 900556' })]);
  expect(edit.status).toBe(200);
  return { org, c, a, bystander, event, check };
}

describe('delete scrubs personal data like erasure', () => {
  it('a deleted application keeps no personal data in its tombstone, its events and checks, or the change log', async () => {
    const { org, c, a, event, check } = await candidate();
    for (const text of PAT.slice(0, 5)) expect(await stored(org)).toContain(text);

    const r = await c.push([c.mutation('applications', 'delete', a)]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);

    const all = await stored(org);
    for (const text of PAT) expect(all, `D1 still holds "${text}"`).not.toContain(text);
    expect(all).toContain('Bea Bystander');
    const row = await env.DB.prepare('SELECT deleted, data FROM applications WHERE org_id = ?1 AND id = ?2').bind(org.orgId, a).first<{ deleted: number; data: string }>();
    expect(row!.deleted).toBe(1);
    // What the measures need stays in the tombstone.
    expect(JSON.parse(row!.data)).toMatchObject({ name: null, email: null, source: 'community_care', receivedDate: '2026-03-02' });
    const notes = await env.DB.prepare(`SELECT data->>'$.note' AS note FROM stage_events WHERE org_id = ?1 AND id = ?2 UNION ALL SELECT data->>'$.note' FROM checks WHERE org_id = ?1 AND id = ?3`).bind(org.orgId, event, check).all<{ note: string | null }>();
    expect(notes.results.map((n) => n.note)).toEqual([null, null]);
    // Deleted stays deleted, and an edit arriving later writes nothing back.
    const late = await c.push([c.upsert('applications', a, { name: 'Pat Person' })]);
    expect(late.status).toBe(200);
    expect(await stored(org)).not.toContain('Pat Person');
  });

  it('a deleted check takes its note out of its tombstone and the change log (stage events are never deleted)', async () => {
    const { org, c, check } = await candidate();
    const r = await c.push([c.mutation('checks', 'delete', check)]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const all = await stored(org);
    expect(all).not.toContain("Pat's referee");
    expect(all).toContain('Pat rang');
    // The application itself was not deleted: it keeps its candidate.
    expect(all).toContain('Pat Person');
  });
});
