import { describe, expect, it } from 'vitest';
import type { Change } from '#shared/schema/index';
import { mondayOf } from '../../worker/src/auth/permissions';
import { application, call, id, rowOf, rotaSlot, setupOrg, stageEvent, team, TestClient, vacancy, type TestOrg } from './helpers';

const thisWeek = mondayOf(new Date().toISOString());
const lastWeek = mondayOf(new Date(Date.now() - 7 * 86_400_000).toISOString());

interface Person {
  app: string;
  name: string;
  email: string;
  event: string;
  check: string;
}

/**
 * A council where the manager manages team T (vacancy own), is on this week's rota for vacancy
 * rota, and has nothing to do with vacancy other: one candidate per ground of need-to-know, and
 * two outside it. Each candidate has a stage event with a note and a check with a note.
 */
async function council() {
  const org = await setupOrg();
  const c = new TestClient(org.tokens.coordinator);
  const t = id();
  const [own, rota, other] = [id(), id(), id()];
  const slot = id();
  const r = await c.push([
    c.upsert('teams', t, team({ managerId: org.users.manager })),
    c.upsert('vacancies', own, vacancy({ teamIds: [t], title: 'Own team SW' })),
    c.upsert('vacancies', rota, vacancy({ title: 'Rota SW' })),
    c.upsert('vacancies', other, vacancy({ title: 'Fostering SW' })),
    c.upsert('rota_slots', slot, rotaSlot(org.users.manager, thisWeek, 'shortlisting', { vacancyId: rota })),
    c.upsert('rota_slots', id(), rotaSlot(org.users.manager, lastWeek, 'shortlisting', { vacancyId: other })),
  ]);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const person = async (key: string, vacancyId: string, over: Record<string, unknown> = {}): Promise<Person> => {
    const p = { app: id(), name: `${key} Candidate`, email: `${key.toLowerCase()}@example.org`, event: id(), check: id() };
    const pushed = await c.push([
      c.upsert('applications', p.app, application(vacancyId, { name: p.name, email: p.email, teamPreference: `near ${key}`, ...over })),
      c.upsert('stage_events', p.event, stageEvent(p.app, org.users.coordinator, 'applied', { note: `${key} rang` })),
      c.upsert('checks', p.check, { applicationId: p.app, kind: 'references', note: `${key}'s referee` }),
    ]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    return p;
  };
  const people = {
    ownTeam: await person('Olive', own),
    onRota: await person('Rory', rota),
    assigned: await person('Asha', other, { assignedTo: org.users.manager }),
    outside: await person('Xavier', other),
    lastWeeks: await person('Lena', other),
  };
  return { org, c, t, own, rota, other, slot, people };
}

const errorOf = (r: { body: unknown }) => (r.body as { error: { code: string; details: { scope: string; restartFrom: number } } }).error;

/** Every page from 0, as the extension pulls (sending back the scope), as `table:id` → record. */
async function pullAs(client: TestClient) {
  client.scope = undefined;
  const { changes, cursor } = await client.pullAll(0, 7);
  const records = new Map<string, Record<string, unknown> | null>();
  for (const ch of changes as Change[]) records.set(`${ch.table}:${ch.recordId}`, ch.record);
  return { records, cursor, text: JSON.stringify(changes) };
}

function expectWhole(records: Map<string, Record<string, unknown> | null>, p: Person) {
  expect(records.get(`applications:${p.app}`)).toMatchObject({ name: p.name, email: p.email });
  expect(records.get(`applications:${p.app}`)).not.toHaveProperty('redacted');
  expect(records.get(`stage_events:${p.event}`)?.note).toMatch(/rang$/);
  expect(records.get(`checks:${p.check}`)?.note).toMatch(/referee$/);
}

function expectRedacted(records: Map<string, Record<string, unknown> | null>, text: string, p: Person, vacancyId: string) {
  const app = records.get(`applications:${p.app}`)!;
  expect(app).toMatchObject({ redacted: true, name: null, email: null, phone: null, teamPreference: null, atsReference: null });
  // What counts and measures need stays.
  expect(app).toMatchObject({ id: p.app, vacancyId, source: 'community_care', experience: 'experienced', receivedDate: '2026-03-02' });
  expect(records.get(`stage_events:${p.event}`)).toMatchObject({ stage: 'applied', applicationId: p.app, note: null, redacted: true });
  expect(records.get(`checks:${p.check}`)).toMatchObject({ kind: 'references', note: null, redacted: true });
  const first = p.name.split(' ')[0]!;
  expect(text).not.toContain(first);
  expect(text).not.toContain(p.email);
}

describe('need-to-know: what a manager pulls', () => {
  it('has personal data only for applications assigned to them, of their own team, or in this week’s rota scope', async () => {
    const { org, other, people } = await council();
    const { records, text } = await pullAs(new TestClient(org.tokens.manager));
    expectWhole(records, people.ownTeam);
    expectWhole(records, people.onRota);
    expectWhole(records, people.assigned);
    // A slot of last week is no scope this week.
    expectRedacted(records, text, people.outside, other);
    expectRedacted(records, text, people.lastWeeks, other);
  });

  it('coordinators, central and admins pull every candidate whole', async () => {
    const { org, people } = await council();
    for (const role of ['coordinator', 'central', 'admin'] as const) {
      const { records, text } = await pullAs(new TestClient(org.tokens[role]));
      for (const p of Object.values(people)) expectWhole(records, p);
      expect(text).not.toContain('"redacted"');
    }
  });

  it('a council-wide slot this week covers every candidate', async () => {
    const { org, c, people } = await council();
    expect((await c.push([c.upsert('rota_slots', id(), rotaSlot(org.users.manager, thisWeek, 'interviewing'))])).status).toBe(200);
    const { records } = await pullAs(new TestClient(org.tokens.manager));
    for (const p of Object.values(people)) expectWhole(records, p);
  });

  it('keeps the candidates a manager decided on after the rota moves on', async () => {
    const { org, c, slot, rota, people } = await council();
    const m = new TestClient(org.tokens.manager);
    const decided = await m.push([m.upsert('stage_events', id(), stageEvent(people.onRota.app, org.users.manager, 'shortlisted'))]);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const fresh = await c.push([c.upsert('applications', id(), application(rota, { name: 'Nadia Newcomer', email: 'nadia@example.org' }))]);
    expect(fresh.status).toBe(200);
    expect((await c.push([c.mutation('rota_slots', 'delete', slot)])).status).toBe(200);
    const { records, text } = await pullAs(m);
    expectWhole(records, people.onRota);
    // The rota vacancy itself is out of scope now: a newcomer to it arrives redacted.
    expect(text).not.toContain('Nadia');
  });
});

describe('need-to-know: re-scope', () => {
  it('a removed rota slot answers 409 scope_changed to the next pull; the pull from 0 sends the records again, redacted', async () => {
    const { org, c, slot, rota, people } = await council();
    const m = new TestClient(org.tokens.manager);
    const before = await pullAs(m);
    expectWhole(before.records, people.onRota);
    const scope = m.scope!;
    expect(scope).toMatch(/^manager:[0-9a-f]{16}$/);
    // Nothing changed: the next pull goes on from the cursor.
    const same = await m.pull(before.cursor);
    expect(same.status).toBe(200);
    expect(same.body.scope).toBe(scope);

    expect((await c.push([c.mutation('rota_slots', 'delete', slot)])).status).toBe(200);
    const refused = await m.pull(before.cursor);
    expect(refused.status).toBe(409);
    expect(errorOf(refused).code).toBe('scope_changed');
    expect(errorOf(refused).details.restartFrom).toBe(0);
    expect(errorOf(refused).details.scope).not.toBe(scope);

    const after = await pullAs(m);
    expect(m.scope).toBe(errorOf(refused).details.scope);
    expectRedacted(after.records, after.text, people.onRota, rota);
    expectWhole(after.records, people.ownTeam);
    expectWhole(after.records, people.assigned);
  });

  it('a team handed to another manager takes its candidates out of scope; a slot added brings its vacancy in', async () => {
    const { org, c, t, own, other, people } = await council();
    const m = new TestClient(org.tokens.manager);
    const { cursor } = await pullAs(m);
    const r = await c.push([
      c.upsert('teams', t, { managerId: org.users.coordinator }),
      c.upsert('rota_slots', id(), rotaSlot(org.users.manager, thisWeek, 'interviewing', { vacancyId: other })),
    ]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(errorOf(await m.pull(cursor)).code).toBe('scope_changed');
    const after = await pullAs(m);
    expectRedacted(after.records, after.text, people.ownTeam, own);
    expectWhole(after.records, people.outside);
    expectWhole(after.records, people.lastWeeks);
  });

  it('a reassignment travels with the application: no re-scope, the record comes redacted in the log', async () => {
    const { org, c, other, people } = await council();
    const m = new TestClient(org.tokens.manager);
    const { cursor } = await pullAs(m);
    expect((await c.push([c.upsert('applications', people.assigned.app, { assignedTo: null })])).status).toBe(200);
    const next = await m.pull(cursor);
    expect(next.status).toBe(200);
    const app = next.body.changes.find((ch) => ch.recordId === people.assigned.app)!;
    expect(app.record).toMatchObject({ redacted: true, name: null, email: null, vacancyId: other });
  });

  it('an older extension (no scope sent) of a manager starts again from 0; of a coordinator it goes on', async () => {
    const { org } = await council();
    const m = await new TestClient(org.tokens.manager).pullAll();
    const coordinator = await new TestClient(org.tokens.coordinator).pullAll();
    expect((await call('GET', `/v1/sync/pull?cursor=${m.cursor}`, org.tokens.manager)).body.error.code).toBe('scope_changed');
    expect((await call('GET', `/v1/sync/pull?cursor=${coordinator.cursor}`, org.tokens.coordinator)).status).toBe(200);
    // From 0 there is nothing to replace: no refusal.
    expect((await call('GET', '/v1/sync/pull?cursor=0', org.tokens.manager)).status).toBe(200);
  });
});

describe('need-to-know: a redacted copy never overwrites the whole record', () => {
  async function expectIntact(org: TestOrg, p: Person) {
    const row = JSON.parse((await rowOf('applications', org.orgId, p.app))!.data as string);
    expect(row).toMatchObject({ name: p.name, email: p.email, teamPreference: expect.stringContaining('near') });
    expect(row).not.toHaveProperty('redacted');
  }

  it('a manager pushing their redacted copy back is refused and the server keeps the personal fields', async () => {
    const { org, people } = await council();
    const m = new TestClient(org.tokens.manager);
    const { records } = await pullAs(m);
    const copy = { ...records.get(`applications:${people.outside.app}`)! };
    delete copy.id;
    delete copy.redacted;
    const r = await m.push([m.upsert('applications', people.outside.app, copy)]);
    expect(r.status).toBe(403);
    const again = new TestClient(org.tokens.manager);
    const note = await again.push([again.upsert('checks', people.outside.check, { applicationId: people.outside.app, kind: 'references', note: null })]);
    expect(note.status).toBe(403);
    await expectIntact(org, people.outside);
    const check = JSON.parse((await rowOf('checks', org.orgId, people.outside.check))!.data as string);
    expect(check.note).toBe("Xavier's referee");
  });

  it('an edit of other fields merges field by field: the personal fields stay', async () => {
    const { org, c, people } = await council();
    // A coordinator editing one field sends only that field (the extension's outbox does the same).
    expect((await c.push([c.upsert('applications', people.outside.app, { yearsQualified: 7 })])).status).toBe(200);
    await expectIntact(org, people.outside);
  });
});
