import { describe, expect, it } from 'vitest';
import type { Change } from '#shared/schema/index';
import { post, staffMember } from '../contract/records';
import { call, createToken, createUser, id, rowOf, setupOrg, team, TestClient } from './helpers';

/**
 * Need-to-know for staff records (shared/sync/scope.ts): a team manager pulls an exit
 * interview's words (with whom, notes) only for leavers of posts of the teams they manage, and
 * an incentive without its person; the central team, coordinators and admins pull them whole.
 */

const KIM_WORDS = ["Kim's chosen colleague", 'Kim found the caseload too heavy'];

/** The manager manages team A, another manager team B; Jo left a post of A and Kim one of B, each with an exit interview and a payment. */
async function council() {
  const org = await setupOrg();
  const otherManager = await createUser(org.orgId, 'manager', 'Ana Other');
  const c = new TestClient(org.tokens.coordinator);
  const [teamA, teamB, postA, postB, jo, kim, joLeft, kimLeft, joExit, kimExit, joPay, kimPay] = [id(), id(), id(), id(), id(), id(), id(), id(), id(), id(), id(), id()];
  const person = (key: string, staff: string, postId: string, leaver: string, exit: string, pay: string) => [
    c.upsert('staff', staff, staffMember(postId, { name: `${key} Leaving` })),
    c.upsert('incentives', pay, { staffId: staff, kind: 'retention_payment', amount: 2000, paidOn: ['2026-04-01'], clawbackMonths: 24 }),
    c.upsert('leavers', leaver, { staffId: staff, postId, leavingDate: '2026-06-30', reason: 'workload', destination: 'agency', fte: 1 }),
    c.upsert('exit_interviews', exit, { leaverId: leaver, offeredOn: '2026-06-20', outcome: 'held', heldOn: '2026-06-25', heldWith: `${key}'s chosen colleague`, themes: ['caseload'], notes: `${key} found the caseload too heavy` }),
  ];
  const r = await c.push([
    c.upsert('teams', teamA, team({ managerId: org.users.manager })),
    c.upsert('teams', teamB, team({ name: 'Children in care', managerId: otherManager })),
    c.upsert('posts', postA, post(teamA)),
    c.upsert('posts', postB, post(teamB)),
    ...person('Jo', jo, postA, joLeft, joExit, joPay),
    ...person('Kim', kim, postB, kimLeft, kimExit, kimPay),
  ]);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return { org, c, otherManager, teamA, teamB, joExit, kimExit, joPay, kimPay, otherToken: await createToken(org.orgId, otherManager) };
}

/** Every page from 0, as `table:id` → record, and the whole answer as text. */
async function pullAs(client: TestClient) {
  client.scope = undefined;
  const { changes } = await client.pullAll(0, 7);
  const records = new Map<string, Record<string, unknown> | null>();
  for (const ch of changes as Change[]) records.set(`${ch.table}:${ch.recordId}`, ch.record);
  return { records, text: JSON.stringify(changes) };
}

describe('need-to-know for staff records: what a manager pulls', () => {
  it("an exit interview's words only for leavers of their own team; an incentive without its person", async () => {
    const p = await council();
    const { records, text } = await pullAs(new TestClient(p.org.tokens.manager));
    expect(records.get(`exit_interviews:${p.joExit}`)).toMatchObject({ heldWith: "Jo's chosen colleague", notes: 'Jo found the caseload too heavy' });
    expect(records.get(`exit_interviews:${p.joExit}`)).not.toHaveProperty('redacted');
    // What the reports count stays: leaver, outcome, date and themes.
    expect(records.get(`exit_interviews:${p.kimExit}`)).toMatchObject({ redacted: true, heldWith: null, notes: null, outcome: 'held', heldOn: '2026-06-25', themes: ['caseload'] });
    for (const w of KIM_WORDS) expect(text).not.toContain(w);
    for (const pay of [p.joPay, p.kimPay]) expect(records.get(`incentives:${pay}`)).toMatchObject({ redacted: true, staffId: null, amount: 2000, clawbackMonths: 24, paidOn: ['2026-04-01'] });
  });

  it('the central team, coordinators and admins pull them whole', async () => {
    const p = await council();
    for (const role of ['admin', 'central', 'coordinator'] as const) {
      const { records, text } = await pullAs(new TestClient(p.org.tokens[role]));
      for (const w of KIM_WORDS) expect(text, role).toContain(w);
      expect(records.get(`incentives:${p.kimPay}`), role).not.toHaveProperty('redacted');
      expect(records.get(`incentives:${p.kimPay}`)?.staffId, role).toEqual(expect.any(String));
    }
  });

  it('a team handed over answers 409 scope_changed; from 0 its exit interviews come to the new manager whole, to the old one redacted', async () => {
    const p = await council();
    const mine = new TestClient(p.org.tokens.manager);
    const { cursor } = await mine.pullAll(0, 50);
    const hand = await p.c.push([p.c.upsert('teams', p.teamA, { managerId: p.otherManager })]);
    expect(hand.status).toBe(200);
    const again = await call('GET', `/v1/sync/pull?cursor=${cursor}&scope=${encodeURIComponent(mine.scope!)}`, p.org.tokens.manager);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('scope_changed');
    expect((await pullAs(mine)).records.get(`exit_interviews:${p.joExit}`)).toMatchObject({ redacted: true, notes: null });
    const other = await pullAs(new TestClient(p.otherToken));
    expect(other.records.get(`exit_interviews:${p.joExit}`)).toMatchObject({ notes: 'Jo found the caseload too heavy' });
    expect(other.records.get(`exit_interviews:${p.kimExit}`)).toMatchObject({ notes: 'Kim found the caseload too heavy' });
  });
});

describe('need-to-know for staff records: a redacted copy never overwrites the whole record', () => {
  const stored = async (orgId: string, table: string, recordId: string) => JSON.parse((await rowOf(table, orgId, recordId))!.data as string);

  it('a manager pushing a redacted exit interview back is refused, and the server keeps its words', async () => {
    const p = await council();
    const m = new TestClient(p.org.tokens.manager);
    const { records } = await pullAs(m);
    const copy = { ...records.get(`exit_interviews:${p.kimExit}`)! };
    delete copy.id;
    delete copy.redacted;
    const r = await m.push([m.upsert('exit_interviews', p.kimExit, copy)]);
    expect(r.status).toBe(403);
    expect(await stored(p.org.orgId, 'exit_interviews', p.kimExit)).toMatchObject({ heldWith: "Kim's chosen colleague", notes: 'Kim found the caseload too heavy' });
    // Nor an incentive without its person (managers write none).
    const again = new TestClient(p.org.tokens.manager);
    expect((await again.push([again.upsert('incentives', p.kimPay, { staffId: null })])).status).toBeGreaterThanOrEqual(400);
    expect((await stored(p.org.orgId, 'incentives', p.kimPay)).staffId).toEqual(expect.any(String));
  });

  it("an edit of its own team's interview merges field by field: the words stay", async () => {
    const p = await council();
    const m = new TestClient(p.org.tokens.manager);
    expect((await m.push([m.upsert('exit_interviews', p.joExit, { themes: ['caseload', 'pay'] })])).status).toBe(200);
    expect(await stored(p.org.orgId, 'exit_interviews', p.joExit)).toMatchObject({ themes: ['caseload', 'pay'], notes: 'Jo found the caseload too heavy' });
  });
});
