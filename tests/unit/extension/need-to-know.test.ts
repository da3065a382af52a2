import { applicationFields, endpointOf, freshDb, newId, resetBrowserAndServer, syncVia } from './helpers';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from '#imports';
import { mondayOf } from '#shared/sync/permissions';
import type { ShortlistDb } from '@/db/database';
import { META, readMeta } from '@/db/meta';
import { appendStageEvent, deleteRecord, upsertRecord } from '@/db/writes';
import { pullChanges } from '@/sync/pull';
import { DEFAULT_USER, type FakeServer, type FakeUser } from './fake-server';
import { everythingStored } from './privacy-support';

const MO: FakeUser = { ...DEFAULT_USER, token: 'token-mo-manager-01', userId: 'user-mo', name: 'Mo Manager', email: 'mo@council.example', role: 'manager' };
const WEEK = 7 * 86_400_000;

let server: FakeServer;
/** The coordinator's browser, which records everything, and the team manager's. */
let coordinator: ShortlistDb;
let manager: ShortlistDb;

const pullAsManager = (d: ShortlistDb) => pullChanges(d, endpointOf(server, MO.token), server.fetch);

/** What one candidate leaves in a browser that holds them whole. */
const traces = (key: string) => [`${key} Candidate`, `${key.toLowerCase()}@example.org`, `${key} rang`, `${key}'s referee`, `near ${key}`];

/**
 * Mo manages team T (vacancy own) and is on this week's rota for vacancy rota; vacancy other is
 * none of theirs. One candidate each (Olive, Rory, Xavier), with a stage note and a check note.
 */
async function council() {
  const t = newId();
  const [own, rota, other] = [newId(), newId(), newId()];
  const slot = newId();
  await upsertRecord('teams', t, { name: 'Assessment North', type: 'assessment', area: 'North', managerId: MO.userId }, coordinator);
  for (const [v, teamIds] of [[own, [t]], [rota, []], [other, []]] as const) {
    await upsertRecord('vacancies', v, { title: 'Social worker', teamIds: [...teamIds], role: 'social_worker', posts: 1, mode: 'rolling', status: 'open' }, coordinator);
  }
  await upsertRecord('rota_slots', slot, { week: mondayOf(new Date().toISOString()), duty: 'shortlisting', managerId: MO.userId, vacancyId: rota }, coordinator);
  const person = async (key: string, vacancyId: string) => {
    const app = newId();
    await upsertRecord('applications', app, applicationFields({ vacancyId, name: `${key} Candidate`, email: `${key.toLowerCase()}@example.org`, teamPreference: `near ${key}` }), coordinator);
    await appendStageEvent({ id: newId(), applicationId: app, stage: 'applied', at: new Date().toISOString(), by: DEFAULT_USER.userId, note: `${key} rang` }, coordinator);
    await upsertRecord('checks', newId(), { applicationId: app, kind: 'references', note: `${key}'s referee` }, coordinator);
    return app;
  };
  const apps = { olive: await person('Olive', own), rory: await person('Rory', rota), xavier: await person('Xavier', other) };
  await syncVia(server, coordinator);
  return { slot, apps };
}

async function expectHolds(d: ShortlistDb, ...keys: string[]) {
  const stored = await everythingStored(d);
  for (const key of keys) for (const text of traces(key)) expect(stored, `${d.name} lacks "${text}"`).toContain(text);
}

async function expectNothingOf(d: ShortlistDb, ...keys: string[]) {
  const stored = await everythingStored(d);
  for (const key of keys) for (const text of traces(key)) expect(stored, `${d.name} still holds "${text}"`).not.toContain(text);
}

beforeEach(() => {
  server = resetBrowserAndServer([DEFAULT_USER, MO]);
  coordinator = freshDb('ntk-coordinator');
  manager = freshDb('ntk-manager');
});

describe("need-to-know in a manager's browser", () => {
  it('holds personal data only within their scope, and the others as counts', async () => {
    const { apps } = await council();
    await pullAsManager(manager);
    await expectHolds(manager, 'Olive', 'Rory');
    await expectNothingOf(manager, 'Xavier');
    // Out of scope is still counted: the application, its stage and check are there, without the person.
    expect(await manager.applications.count()).toBe(3);
    expect(await manager.applications.get(apps.xavier)).toMatchObject({ redacted: true, name: null, source: 'community_care', receivedDate: '2026-03-02' });
    expect(await manager.stage_events.where('applicationId').equals(apps.xavier).first()).toMatchObject({ stage: 'applied', note: null });
    expect(await readMeta(manager, META.pullScope, null)).toMatch(/^manager:/);
    // The coordinator's browser holds everyone.
    await expectHolds(coordinator, 'Olive', 'Rory', 'Xavier');
  });

  it('loses a candidate when their rota slot is removed: the next pull starts again from 0 and replaces the copies', async () => {
    const { slot, apps } = await council();
    await pullAsManager(manager);
    await browser.notifications.create(`overdue:${apps.rory}:shortlisting_decision`, { type: 'basic', iconUrl: 'x', title: 'Overdue', message: 'Rory Candidate' });
    await browser.notifications.create(`overdue:${apps.olive}:shortlisting_decision`, { type: 'basic', iconUrl: 'x', title: 'Overdue', message: 'Olive Candidate' });
    const scope = await readMeta(manager, META.pullScope, null);

    await deleteRecord('rota_slots', slot, coordinator);
    await syncVia(server, coordinator);
    await pullAsManager(manager);

    await expectNothingOf(manager, 'Rory', 'Xavier');
    await expectHolds(manager, 'Olive');
    expect(await manager.applications.get(apps.rory)).toMatchObject({ redacted: true, name: null, email: null });
    expect(await readMeta(manager, META.pullScope, null)).not.toBe(scope);
    expect(Object.keys(await browser.notifications.getAll())).toEqual([`overdue:${apps.olive}:shortlisting_decision`]);
    // The pull that found the new scope started again from 0.
    const statuses = server.requests.filter((r) => r.route === 'pull').map((r) => r.status);
    expect(statuses.slice(statuses.lastIndexOf(409))).toEqual([409, 200]);
  });

  it('loses it when the rota week moves on, and gets it back when a new slot brings the vacancy in', async () => {
    const { apps } = await council();
    await pullAsManager(manager);
    await expectHolds(manager, 'Rory');

    const start = Date.now();
    server.now = () => start + WEEK;
    await pullAsManager(manager);
    await expectNothingOf(manager, 'Rory', 'Xavier');
    await expectHolds(manager, 'Olive');

    server.now = () => start;
    await pullAsManager(manager);
    await expectHolds(manager, 'Rory');
    expect(await manager.applications.get(apps.rory)).not.toHaveProperty('redacted');
  });
});
