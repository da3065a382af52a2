import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { recordDeparture } from '#shared/staff/index';
import { materialise, SyncClient } from './client';
import type { Council } from './cases';
import { post, staffMember, stayConversation, team } from './records';

/**
 * The retention tables (issue 16) over HTTP: both servers accept, refuse and return them alike.
 * On the worker this also proves migration 0008 is applied in workerd (a missing table fails
 * the push with a 500, not a refusal).
 */
type Started = Council & { a: SyncClient; b: SyncClient; from: number };
const id = () => uuidv7();

/** A team managed by `manager`, one of another manager, a post in each and a holder of the first, made by coordinator a. */
async function establishment(start: () => Promise<Started>) {
  const s = await start();
  const [mine, theirs, myPost, theirPost, holder] = [id(), id(), id(), id(), id()];
  const r = await s.a.push([
    s.a.upsert('teams', mine, team({ managerId: s.userIds.manager })),
    s.a.upsert('teams', theirs, team({ name: 'Children in care South', managerId: s.userIds.manager2 })),
    s.a.upsert('posts', myPost, post(mine)),
    s.a.upsert('posts', theirPost, post(theirs)),
    s.a.upsert('staff', holder, staffMember(myPost, { fte: 0.8 })),
  ]);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const manager = new SyncClient(s.transport, s.tokens.manager);
  const manager2 = new SyncClient(s.transport, s.tokens.manager2);
  return { ...s, mine, theirs, myPost, theirPost, holder, manager, manager2 };
}

export function retentionContract(server: string, start: () => Promise<Started>): void {
  describe(`retention tables: ${server}`, () => {
    it('a coordinator writes every retention table; the pull returns each record as written', async () => {
      const { a, from, userIds, mine, theirs, myPost, holder } = await establishment(start);
      const [cohort, leaver, exit, stay, transfer, golden, week] = [id(), id(), id(), id(), id(), id(), id()];
      const records = {
        [`cohorts:${cohort}`]: { name: 'ASYE September 2026', startMonth: '2026-09', programme: 'Step Up peer cohort', isControl: false },
        [`leavers:${leaver}`]: { staffId: holder, postId: myPost, leavingDate: '2026-09-30', reason: 'workload', destination: 'agency', fte: 0.8 },
        [`exit_interviews:${exit}`]: { leaverId: leaver, offeredOn: '2026-09-16', outcome: 'held', heldOn: '2026-09-23', heldWith: 'A colleague from court team', themes: ['caseload', 'agency rates'], notes: 'Would return for a lower caseload' },
        [`stay_conversations:${stay}`]: stayConversation(holder, userIds.a),
        [`transfers:${transfer}`]: { staffId: holder, fromTeamId: mine, toTeamId: theirs, requestedOn: '2026-08-01', decidedOn: '2026-08-20', decision: 'declined' },
        [`incentives:${golden}`]: { staffId: holder, kind: 'golden_hello', amount: 2000, paidOn: ['2026-01-05', '2026-07-06'], clawbackMonths: 12, clawbackBasis: 'full' },
        [`caseload_weeks:${week}`]: { teamId: mine, weekStart: '2026-11-16', casesHeld: 96, fteHoldingCases: 6.4, confirmedBy: userIds.a },
      };
      const pushed = await a.push(
        Object.entries(records).map(([key, fields]) => {
          const [table, recordId] = key.split(':') as [Parameters<typeof a.upsert>[0], string];
          return a.upsert(table, recordId, fields);
        }),
      );
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
      expect(pushed.body.applied).toBe(7);
      const state = materialise((await a.pullAll(from)).changes);
      for (const [key, fields] of Object.entries(records)) expect(state.get(key), key).toEqual({ id: key.split(':')[1], ...fields });
      // A field left out at creation takes its default.
      const bare = id();
      expect((await a.push([a.upsert('cohorts', bare, { name: 'Control', startMonth: '2026-09', programme: 'Standard ASYE' })])).status).toBe(200);
      expect(materialise((await a.pullAll(from)).changes).get(`cohorts:${bare}`)).toMatchObject({ isControl: false });
    });

    it('refuses invalid retention records and references to nothing, naming each; nothing applies', async () => {
      const { a, from, mine } = await establishment(start);
      const [week, leaver, transfer] = [id(), id(), id()];
      const r = await a.push([
        a.upsert('caseload_weeks', week, { teamId: mine, weekStart: '2026-11-18', casesHeld: 90, fteHoldingCases: 6 }),
        a.upsert('leavers', leaver, { staffId: id(), postId: id(), leavingDate: '2026-09-30', reason: 'workload', destination: 'internal_move', fte: 1 }),
        a.upsert('transfers', transfer, { staffId: id(), fromTeamId: mine, toTeamId: mine, requestedOn: '2026-08-01', decision: 'pending' }),
      ]);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('invalid_mutations');
      const issues = Object.fromEntries((r.body.error.details as { recordId: string; issues: string[] }[]).map((d) => [d.recordId, d.issues]));
      expect(issues[week]).toEqual(['weekStart: must be a Monday']);
      expect(issues[leaver]).toEqual([expect.stringMatching(/^destination: must be one of another_council, agency, left_profession, retirement, other/)]);
      expect(issues[transfer]).toEqual(['toTeamId: a transfer moves to another team']);
      a.seq -= 3; // nothing of it applied: the next push reuses those sequence numbers
      const valid = await a.push([a.upsert('leavers', leaver, { staffId: id(), postId: id(), leavingDate: '2026-09-30', reason: 'workload', destination: 'agency', fte: 1 })]);
      expect(valid.status).toBe(400);
      expect(valid.body.error.details[0].issues).toEqual([expect.stringMatching(/^staffId: no staff record .* in your organisation/), expect.stringMatching(/^postId: no post .* in your organisation/)]);
      expect([...materialise((await a.pullAll(from)).changes).keys()].filter((k) => /^(caseload_weeks|leavers|transfers):/.test(k))).toEqual([]);
    });

    it('a team manager records a leaver of their team: the leaver, the post freed and the exit interview offered, in one push', async () => {
      const { a, from, manager, myPost, mine, holder } = await establishment(start);
      const departure = recordDeparture({
        staff: { id: holder, postId: myPost, fte: 0.8 },
        post: { id: myPost, teamId: mine },
        leavingDate: '2026-12-31',
        reason: 'management_support',
        destination: 'another_council',
        coverAfter: { cover: 'vacant' },
        today: '2026-11-20',
        newId: id,
      });
      const r = await manager.push(departure.changes.map((c) => manager.upsert(c.table, c.id, c.fields)));
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const state = materialise((await a.pullAll(from)).changes);
      expect(state.get(`posts:${myPost}`)).toMatchObject({ cover: 'vacant', agencyName: null });
      expect(departure.kind).toBe('leaver');
      if (departure.kind !== 'leaver') return;
      expect(state.get(`leavers:${departure.leaverId}`)).toMatchObject({ staffId: holder, destination: 'another_council', fte: 0.8 });
      expect(state.get(`exit_interviews:${departure.exitInterviewId}`)).toMatchObject({ leaverId: departure.leaverId, outcome: 'pending' });
    });

    it("a manager may not record a leaver of another team's post, nor free it, nor write staff records; nothing of the push applies", async () => {
      const { a, from, manager2, manager, myPost, holder } = await establishment(start);
      const leaver = id();
      const r = await manager2.push([
        manager2.upsert('leavers', leaver, { staffId: holder, postId: myPost, leavingDate: '2026-12-31', reason: 'pay', destination: 'agency', fte: 0.8 }),
        manager2.upsert('posts', myPost, { cover: 'vacant' }),
      ]);
      expect(r.status).toBe(403);
      expect(r.body.error.details.map((d: { reason: string }) => d.reason)).toEqual([
        'managers record leavers only for posts of a team they manage',
        'managers may change the cover only of posts of a team they manage',
      ]);
      manager2.seq -= 2;
      const own = await manager.push([manager.upsert('staff', holder, { fte: 1 })]);
      expect(own.status).toBe(403);
      const state = materialise((await a.pullAll(from)).changes);
      expect(state.get(`leavers:${leaver}`)).toBeUndefined();
      expect(state.get(`posts:${myPost}`)).toMatchObject({ cover: 'permanent' });
      expect(state.get(`staff:${holder}`)).toMatchObject({ fte: 0.8 });
    });

    it('a Stay conversation is written by its holder only: another coordinator cannot change or delete it', async () => {
      const { a, b, from, userIds, holder } = await establishment(start);
      const stay = id();
      expect((await a.push([a.upsert('stay_conversations', stay, stayConversation(holder, userIds.a))])).status).toBe(200);
      const other = await b.push([b.upsert('stay_conversations', stay, { outcome: 'left' }), b.mutation('stay_conversations', 'delete', stay)]);
      expect(other.status).toBe(403);
      expect(other.body.error.details.map((d: { reason: string }) => d.reason)).toEqual([
        'a Stay conversation is confidential: only its holder and admins may change it',
        'a Stay conversation is confidential: only its holder and admins may change it',
      ]);
      b.seq -= 2;
      const forSomeoneElse = await b.push([b.upsert('stay_conversations', id(), stayConversation(holder, userIds.a))]);
      expect(forSomeoneElse.status).toBe(403);
      expect((await a.push([a.upsert('stay_conversations', stay, { outcome: 'stayed' })])).status).toBe(200);
      expect(materialise((await a.pullAll(from)).changes).get(`stay_conversations:${stay}`)).toMatchObject({ outcome: 'stayed', heldBy: userIds.a });
    });

    it("a Stay conversation's person reaches its holder only: another coordinator's and a manager's pulls carry outcome and themes", async () => {
      const { a, b, from, manager, userIds, holder } = await establishment(start);
      const stay = id();
      const record = stayConversation(holder, userIds.a, { outcome: 'stayed', themes: ['travel'] });
      expect((await a.push([a.upsert('stay_conversations', stay, record)])).status).toBe(200);
      expect(materialise((await a.pullAll(from)).changes).get(`stay_conversations:${stay}`)).toEqual({ id: stay, ...record });
      for (const reader of [b, manager]) {
        expect(materialise((await reader.pullAll()).changes).get(`stay_conversations:${stay}`)).toEqual({ id: stay, ...record, staffId: null, notes: null, redacted: true });
      }
    });

    it('a team manager drafts "recruit to this post" for their team; opening it is for a coordinator', async () => {
      const { a, from, manager, mine, theirs, myPost } = await establishment(start);
      const draft = id();
      const fields = { title: 'Social worker, Assessment North', teamIds: [mine], role: 'social_worker', posts: 1, mode: 'rolling', status: 'draft', postIds: [myPost] };
      expect((await manager.push([manager.upsert('vacancies', draft, fields)])).status).toBe(200);
      const open = await manager.push([manager.upsert('vacancies', draft, { status: 'open' })]);
      expect(open.status).toBe(403);
      manager.seq--;
      expect((await manager.push([manager.upsert('vacancies', id(), { ...fields, teamIds: [theirs], postIds: [] })])).status).toBe(403);
      manager.seq--;
      expect((await a.push([a.upsert('vacancies', draft, { status: 'open' })])).status).toBe(200);
      expect(materialise((await a.pullAll(from)).changes).get(`vacancies:${draft}`)).toMatchObject({ status: 'open', postIds: [myPost] });
    });
  });
}
