import { describe, expect, it } from 'vitest';
import { mondayOf } from '../../worker/src/auth/permissions';
import { application, call, id, rowOf, rotaSlot, setupOrg, stageEvent, team, TestClient, vacancy, type TestOrg } from './helpers';

const thisWeek = mondayOf(new Date().toISOString());

/** An org with a team, a vacancy of that team, and three applications. */
async function world() {
  const org = await setupOrg();
  const c = new TestClient(org.tokens.coordinator);
  const t = id();
  const v = id();
  const otherV = id();
  const assigned = id();
  const inScope = id();
  const outOfScope = id();
  const r = await c.push([
    c.upsert('teams', t, team()),
    c.upsert('vacancies', v, vacancy({ teamIds: [t] })),
    c.upsert('vacancies', otherV, vacancy({ title: 'Fostering SW' })),
    c.upsert('applications', assigned, application(otherV, { assignedTo: org.users.manager })),
    c.upsert('applications', inScope, application(v)),
    c.upsert('applications', outOfScope, application(otherV)),
  ]);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return { org, c, t, v, otherV, assigned, inScope, outOfScope };
}

const push = (org: TestOrg, role: keyof TestOrg['tokens'], build: (c: TestClient) => Parameters<TestClient['push']>[0]) => {
  const c = new TestClient(org.tokens[role]);
  return c.push(build(c));
};

describe('roles: admin', () => {
  it('may read (pull, me) but may not push', async () => {
    const { org } = await world();
    expect((await call('GET', '/v1/sync/pull', org.tokens.admin)).status).toBe(200);
    const r = await push(org, 'admin', (c) => [c.upsert('teams', id(), team())]);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden');
    expect(r.body.error.message).toMatch(/admins manage users, tokens and settings/);
    expect(r.body.error.details[0]).toMatchObject({ table: 'teams', seq: 1 });
  });
});

describe.each(['central', 'coordinator'] as const)('roles: %s', (role) => {
  it('may upsert, delete and erase in every table', async () => {
    const { org, inScope } = await world();
    const t = id();
    const r = await push(org, role, (c) => [
      c.upsert('teams', t, team()),
      c.upsert('site_profiles', id(), { host: 'ats.example.gov.uk', pathPattern: '/candidate/*', kind: 'candidate', fields: { name: 'h1' } }),
      c.upsert('stage_events', id(), stageEvent(inScope, org.users[role], 'offered')),
      c.upsert('checks', id(), { applicationId: inScope, kind: 'dbs_barred_list', requested: '2026-03-10' }),
      c.mutation('teams', 'delete', t),
      c.mutation('applications', 'erase', inScope),
    ]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.applied).toBe(6);
  });
  it('may not use the admin API', async () => {
    const { org } = await world();
    const r = await call('GET', '/v1/admin/users', org.tokens[role]);
    expect(r.status).toBe(403);
    expect(r.body.error.message).toMatch(/admin API is for admins/);
  });
});

describe('roles: manager', () => {
  it('may record shortlisting and interview decisions on an application assigned to them', async () => {
    const { org, assigned } = await world();
    for (const stage of ['shortlisted', 'rejected', 'interview_booked', 'interviewed']) {
      const r = await push(org, 'manager', (c) => [c.upsert('stage_events', id(), stageEvent(assigned, org.users.manager, stage))]);
      expect(r.status, `${stage} ${JSON.stringify(r.body)}`).toBe(200);
    }
  });

  it('may decide on applications in the scope of a rota slot a coordinator gave them this week, and only with a fitting duty', async () => {
    const { org, c, t, inScope, outOfScope } = await world();
    const m = new TestClient(org.tokens.manager);
    // no slot yet: refused
    const before = await m.push([m.upsert('stage_events', id(), stageEvent(inScope, org.users.manager))]);
    expect(before.status).toBe(403);
    expect(before.body.error.message).toMatch(/neither assigned to you nor in a scope a coordinator put you on the shortlisting rota for/);
    m.seq = 0;
    const slot = await c.push([c.upsert('rota_slots', id(), rotaSlot(org.users.manager, thisWeek, 'shortlisting', { teamId: t }))]);
    expect(slot.status, JSON.stringify(slot.body)).toBe(200);
    expect((await m.push([m.upsert('stage_events', id(), stageEvent(inScope, org.users.manager, 'shortlisted'))])).status).toBe(200);
    const wrongDuty = await m.push([m.upsert('stage_events', id(), stageEvent(inScope, org.users.manager, 'interviewed'))]);
    expect(wrongDuty.status).toBe(403);
    m.seq--;
    const outside = await m.push([m.upsert('stage_events', id(), stageEvent(outOfScope, org.users.manager, 'shortlisted'))]);
    expect(outside.status).toBe(403);
  });

  it('a whole-council slot covers every application; a slot in another week does not', async () => {
    const { org, c, outOfScope } = await world();
    const m = new TestClient(org.tokens.manager);
    await c.push([c.upsert('rota_slots', id(), rotaSlot(org.users.manager, '2020-01-06', 'interviewing'))]);
    const old = await m.push([m.upsert('stage_events', id(), stageEvent(outOfScope, org.users.manager, 'interviewed'))]);
    expect(old.status).toBe(403);
    m.seq--;
    await c.push([c.upsert('rota_slots', id(), rotaSlot(org.users.manager, thisWeek, 'interviewing'))]);
    expect((await m.push([m.upsert('stage_events', id(), stageEvent(outOfScope, org.users.manager, 'interviewed'))])).status).toBe(200);
  });

  it('may not record stages beyond decisions, put themselves on the rota, or edit other tables', async () => {
    const { org, assigned, v } = await world();
    const cases: [string, (c: TestClient) => any, RegExp][] = [
      ['offered', (c) => [c.upsert('stage_events', id(), stageEvent(assigned, org.users.manager, 'offered'))], /may record only shortlisted, rejected, interview_booked, interviewed/],
      ['vacancy edit', (c) => [c.upsert('vacancies', v, { status: 'closed' })], /managers may change only draft vacancies of their own teams/],
      ['application edit', (c) => [c.upsert('applications', assigned, { assignedTo: org.users.manager })], /not upsert on applications/],
      ['erase', (c) => [c.mutation('applications', 'erase', assigned)], /not erase on applications/],
      ['team create', (c) => [c.upsert('teams', id(), team())], /not upsert on teams/],
      ['rota slot of their own', (c) => [c.upsert('rota_slots', id(), rotaSlot(org.users.manager, thisWeek))], /^Your role \(manager\).*coordinators and the central team put managers on the rota/],
      ['rota slot for another manager', (c) => [c.upsert('rota_slots', id(), rotaSlot(org.users.central, thisWeek))], /coordinators and the central team put managers on the rota/],
    ];
    for (const [name, build, why] of cases) {
      const r = await push(org, 'manager', build);
      expect(r.status, name).toBe(403);
      expect(r.body.error.message, name).toMatch(why);
    }
  });

  it('an event sent in someone else\'s name is recorded in the caller\'s', async () => {
    const { org, assigned } = await world();
    const e = id();
    expect((await push(org, 'manager', (c) => [c.upsert('stage_events', e, stageEvent(assigned, org.users.central))])).status).toBe(200);
    expect(JSON.parse((await rowOf('stage_events', org.orgId, e))!.data).by).toBe(org.users.manager);
  });

  it('may hand back their own rota slot but not change it, nor take over or delete another manager\'s', async () => {
    const { org, c } = await world();
    const mine = id();
    const theirs = id();
    await c.push([c.upsert('rota_slots', theirs, rotaSlot(org.users.central, thisWeek)), c.upsert('rota_slots', mine, rotaSlot(org.users.manager, thisWeek))]);
    const m = new TestClient(org.tokens.manager);
    const change = await m.push([m.upsert('rota_slots', mine, { duty: 'interviewing' })]);
    expect(change.status).toBe(403);
    expect(change.body.error.message).toMatch(/only hand a slot of theirs to another manager \(managerId\), not change its duty/);
    m.seq--;
    expect((await m.push([m.mutation('rota_slots', 'delete', mine)])).status).toBe(200);
    const takeOver = await m.push([m.upsert('rota_slots', theirs, { managerId: org.users.manager })]);
    expect(takeOver.status).toBe(403);
    expect(takeOver.body.error.message).toMatch(/only their own rota slots/);
    m.seq--;
    expect((await m.push([m.mutation('rota_slots', 'delete', theirs)])).status).toBe(403);
    expect(JSON.parse((await rowOf('rota_slots', org.orgId, theirs))!.data).managerId).toBe(org.users.central);
  });

  it('may read everything in the organisation but not use the admin API', async () => {
    const { org } = await world();
    const r = await call('GET', '/v1/sync/pull', org.tokens.manager);
    expect(r.status).toBe(200);
    expect(r.body.changes.length).toBeGreaterThanOrEqual(6);
    expect((await call('POST', '/v1/admin/users', org.tokens.manager, { name: 'x', email: 'x@y.uk', role: 'admin' })).status).toBe(403);
  });
});
