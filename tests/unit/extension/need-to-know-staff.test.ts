import { endpointOf, freshDb, newId, resetBrowserAndServer, syncVia } from './helpers';
import { beforeEach, describe, expect, it } from 'vitest';
import { computeRetentionReport } from '#shared/measures/index';
import type { ExitInterview, Leaver, Post, Staff } from '#shared/schema/index';
import { clawbacksIfLeftToday } from '#shared/staff/index';
import type { ShortlistDb } from '@/db/database';
import { upsertRecord } from '@/db/writes';
import { pullChanges } from '@/sync/pull';
import { pushOutbox } from '@/sync/push';
import { DEFAULT_USER, type FakeServer, type FakeUser } from './fake-server';
import { everythingStored } from './privacy-support';

/**
 * Need-to-know for staff records (shared/sync/scope.ts): a team manager's browser holds an exit
 * interview's words (with whom, notes) only for leavers of the teams they manage, and no
 * incentive's person at all; what the reports count stays in every browser.
 */

const MO: FakeUser = { ...DEFAULT_USER, token: 'token-mo-manager-01', userId: 'user-mo', name: 'Mo Manager', email: 'mo@council.example', role: 'manager' };
const ANA_USER: FakeUser = { ...MO, token: 'token-ana-manager-01', userId: 'user-ana', name: 'Ana Manager', email: 'ana@council.example' };
const ANA = ANA_USER.userId;

let server: FakeServer;
let coordinator: ShortlistDb;
let manager: ShortlistDb;
const pullAsManager = () => pullChanges(manager, endpointOf(server, MO.token), server.fetch);

/** Mo manages team A, Ana team B; Jo left A and Kim left B, each after an exit interview, each with a retention payment. */
async function council() {
  const [teamA, teamB, postA, postB, jo, kim, joLeft, kimLeft, joExit, kimExit, joPay, kimPay] = [newId(), newId(), newId(), newId(), newId(), newId(), newId(), newId(), newId(), newId(), newId(), newId()];
  await upsertRecord('teams', teamA, { name: 'Assessment North', type: 'assessment', area: 'North', managerId: MO.userId }, coordinator);
  await upsertRecord('teams', teamB, { name: 'Children in care', type: 'children_in_care', area: 'South', managerId: ANA }, coordinator);
  for (const [post, team] of [[postA, teamA], [postB, teamB]] as const) await upsertRecord('posts', post, { teamId: team, role: 'social_worker', fte: 1, cover: 'vacant' }, coordinator);
  const person = async (key: string, staff: string, post: string, leaver: string, exit: string, pay: string) => {
    await upsertRecord('staff', staff, { postId: post, name: `${key} Leaving`, role: 'social_worker', fte: 1, startDate: '2024-01-08' }, coordinator);
    await upsertRecord('incentives', pay, { staffId: staff, kind: 'retention_payment', amount: 2000, paidOn: ['2026-04-01'], clawbackMonths: 24, clawbackBasis: 'full' }, coordinator);
    await upsertRecord('leavers', leaver, { staffId: staff, postId: post, leavingDate: '2026-06-30', reason: 'workload', destination: 'agency', fte: 1 }, coordinator);
    await upsertRecord('exit_interviews', exit, { leaverId: leaver, offeredOn: '2026-06-20', outcome: 'held', heldOn: '2026-06-25', heldWith: `${key}'s chosen colleague`, themes: ['caseload', 'pay'], notes: `${key} found the caseload too heavy` }, coordinator);
  };
  await person('Jo', jo, postA, joLeft, joExit, joPay);
  await person('Kim', kim, postB, kimLeft, kimExit, kimPay);
  await syncVia(server, coordinator);
  expect(await coordinator.refused.toArray()).toEqual([]);
  return { teamA, joExit, kimExit, joPay, kimPay };
}

const words = (key: string) => [`${key}'s chosen colleague`, `${key} found the caseload too heavy`];

async function reportOf(d: ShortlistDb) {
  const [staff, posts, leavers, exitInterviews] = await Promise.all([d.staff.toArray(), d.posts.toArray(), d.leavers.toArray(), d.exit_interviews.toArray()]);
  const input = { staff: staff as Staff[], posts: posts as Post[], leavers: leavers as Leaver[], exitInterviews: exitInterviews as ExitInterview[], stayConversations: [], transfers: [], cohorts: [], caseloadWeeks: [], caseloadLimit: 15 };
  return computeRetentionReport(input, { from: '2026-01-01', to: '2026-12-31' }, '2026-11-18');
}

beforeEach(() => {
  server = resetBrowserAndServer([DEFAULT_USER, MO, ANA_USER]);
  coordinator = freshDb('ntk-staff-coordinator');
  manager = freshDb('ntk-staff-manager');
});

describe("need-to-know for staff records in a manager's browser", () => {
  it('holds exit interview words only for leavers of their own team, and no incentive’s person; the reports count the same', async () => {
    const r = await council();
    await pullAsManager();
    const stored = await everythingStored(manager);
    for (const w of words('Jo')) expect(stored, `the manager lacks "${w}"`).toContain(w);
    for (const w of words('Kim')) expect(stored, `the manager still holds "${w}"`).not.toContain(w);
    expect(await manager.exit_interviews.get(r.kimExit)).toMatchObject({ redacted: true, heldWith: null, notes: null, outcome: 'held', heldOn: '2026-06-25', themes: ['caseload', 'pay'] });
    expect(await manager.exit_interviews.get(r.joExit)).not.toHaveProperty('redacted');
    for (const pay of [r.joPay, r.kimPay]) expect(await manager.incentives.get(pay)).toMatchObject({ redacted: true, staffId: null, amount: 2000, clawbackMonths: 24 });
    // The coordinator's browser holds everyone's, and counts the clawbacks of the people still in post (none: both left).
    const all = await everythingStored(coordinator);
    for (const w of [...words('Jo'), ...words('Kim')]) expect(all).toContain(w);
    expect((await coordinator.incentives.toArray()).map((i) => i.staffId).filter(Boolean)).toHaveLength(2);
    // Exit themes, turnover and leavers by reason are the same in both browsers.
    const [mine, theirs] = [await reportOf(manager), await reportOf(coordinator)];
    expect(mine.exitThemes).toEqual(theirs.exitThemes);
    expect(mine.exitThemes).not.toEqual([]);
    expect(mine.leavers).toEqual(theirs.leavers);
  });

  it('a clawback still counts where incentives are kept whole', async () => {
    const [team, post, staff, pay] = [newId(), newId(), newId(), newId()];
    await upsertRecord('teams', team, { name: 'Assessment North', type: 'assessment', area: 'North', managerId: MO.userId }, coordinator);
    await upsertRecord('posts', post, { teamId: team, role: 'social_worker', fte: 1, cover: 'permanent' }, coordinator);
    await upsertRecord('staff', staff, { postId: post, name: 'Lee Staying', role: 'social_worker', fte: 1, startDate: '2024-01-08' }, coordinator);
    await upsertRecord('incentives', pay, { staffId: staff, kind: 'golden_hello', amount: 3000, paidOn: ['2026-04-01'], clawbackMonths: 24, clawbackBasis: 'full' }, coordinator);
    await syncVia(server, coordinator);
    const fresh = freshDb('ntk-staff-second-coordinator');
    await pullChanges(fresh, endpointOf(server), server.fetch);
    const clawbacks = clawbacksIfLeftToday(await fresh.incentives.toArray(), await fresh.staff.toArray(), [], '2026-11-18');
    expect(clawbacks.map((c) => [c.staffId, c.total])).toEqual([[staff, 3000]]);
  });

  it("a team handed to the manager brings its leavers' exit interviews in whole; handed away, they leave again", async () => {
    const r = await council();
    await pullAsManager();
    await upsertRecord('teams', r.teamA, { managerId: ANA }, coordinator);
    await syncVia(server, coordinator);
    await pullAsManager();
    for (const w of [...words('Jo'), ...words('Kim')]) expect(await everythingStored(manager), `the manager still holds "${w}"`).not.toContain(w);
    expect(await manager.exit_interviews.get(r.joExit)).toMatchObject({ redacted: true, notes: null });

    await upsertRecord('teams', r.teamA, { managerId: MO.userId }, coordinator);
    await syncVia(server, coordinator);
    await pullAsManager();
    for (const w of words('Jo')) expect(await everythingStored(manager)).toContain(w);
  });

  it('a refused edit of an exit interview loses its words when the copy arrives redacted', async () => {
    const r = await council();
    await pullAsManager();
    await upsertRecord('exit_interviews', r.joExit, { notes: 'Jo rang again' }, manager);
    const [entry] = await manager.outbox.toArray();
    server.refuseMutation(entry!.mutation.id, ['notes: refused by the test']);
    await pushOutbox(manager, endpointOf(server, MO.token), server.fetch);
    expect(await manager.refused.count()).toBe(1);

    await upsertRecord('teams', r.teamA, { managerId: ANA }, coordinator);
    await syncVia(server, coordinator);
    await pullAsManager();
    expect(await everythingStored(manager)).not.toContain('Jo rang again');
    // The refusal itself stays listed: a person still sees that a change was refused.
    expect(await manager.refused.count()).toBe(1);
  });
});
