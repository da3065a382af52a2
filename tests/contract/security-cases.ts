import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '#shared/hlc';
import { mondayOf } from '#shared/sync/permissions';
import { materialise, SyncClient } from './client';
import type { Council } from './cases';
import { application, rotaSlot, stageEvent, team, vacancy } from './records';

/**
 * Security and integrity of the push path (issue 11), as contract cases: the fake and the
 * worker must refuse the same pushes for the same reasons. Each block is one class of hole.
 */
type Started = Council & { a: SyncClient; b: SyncClient; from: number };
const id = () => uuidv7();
const thisWeek = () => mondayOf(new Date().toISOString());
const HOUR = 3_600_000;

/** A council with a team, a vacancy of that team and an application to it, made by coordinator a. */
async function recruiting(start: () => Promise<Started>) {
  const s = await start();
  const [t, v, app] = [id(), id(), id()];
  const r = await s.a.push([s.a.upsert('teams', t, team()), s.a.upsert('vacancies', v, vacancy({ teamIds: [t] })), s.a.upsert('applications', app, application(v))]);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const manager = new SyncClient(s.transport, s.tokens.manager);
  const manager2 = new SyncClient(s.transport, s.tokens.manager2);
  return { ...s, t, v, app, manager, manager2 };
}

export function securityContract(server: string, start: () => Promise<Started>): void {
  describe(`security: ${server}`, () => {
    describe('role escalation through the rota', () => {
      it('a manager may not create a rota slot, not even to decide in the same push; nothing of it applies', async () => {
        const { manager, userIds, app, a, from } = await recruiting(start);
        const slot = id();
        const r = await manager.push([
          manager.upsert('rota_slots', slot, rotaSlot(userIds.manager, thisWeek())),
          manager.upsert('stage_events', id(), stageEvent(app, userIds.manager)),
        ]);
        expect(r.status).toBe(403);
        expect(r.body.error.details).toEqual([
          expect.objectContaining({ table: 'rota_slots', reason: expect.stringMatching(/^coordinators and the central team put managers on the rota/) }),
          expect.objectContaining({ table: 'stage_events', reason: expect.stringMatching(/neither assigned to you nor in a scope a coordinator put you on/) }),
        ]);
        const after = materialise((await a.pullAll(from)).changes);
        expect([...after.keys()].filter((k) => k.startsWith('rota_slots:') || k.startsWith('stage_events:'))).toEqual([]);
      });

      it('a slot a coordinator gave covers its scope; the manager may swap it to another manager or hand it back, not widen it', async () => {
        const { a, manager, manager2, userIds, t, app } = await recruiting(start);
        const slot = id();
        expect((await a.push([a.upsert('rota_slots', slot, rotaSlot(userIds.manager, thisWeek(), 'shortlisting', { teamId: t }))])).status).toBe(200);
        expect((await manager.push([manager.upsert('stage_events', id(), stageEvent(app, userIds.manager))])).status).toBe(200);

        for (const change of [{ teamId: null }, { week: '2026-01-05' }, { duty: 'interviewing' }]) {
          const widen = await manager.push([manager.upsert('rota_slots', slot, change, Date.now())]);
          expect(widen.status, JSON.stringify(change)).toBe(403);
          expect(widen.body.error.details[0].reason).toMatch(/only hand a slot of theirs to another manager/);
          manager.seq--;
        }
        const toCoordinator = await manager.push([manager.upsert('rota_slots', slot, { managerId: userIds.b }, Date.now())]);
        expect(toCoordinator.status).toBe(403);
        expect(toCoordinator.body.error.details[0].reason).toMatch(/only to an active manager/);
        manager.seq--;

        expect((await manager.push([manager.upsert('rota_slots', slot, { managerId: userIds.manager2 }, Date.now())])).status).toBe(200);
        const [v2, app2] = [await recruitingVacancy(a, t), id()];
        expect((await a.push([a.upsert('applications', app2, application(v2))])).status).toBe(200);
        expect((await manager2.push([manager2.upsert('stage_events', id(), stageEvent(app2, userIds.manager2))])).status).toBe(200);
        const noLonger = await manager.push([manager.upsert('stage_events', id(), stageEvent(app2, userIds.manager))]);
        expect(noLonger.status).toBe(403);
        manager.seq--;
        expect((await manager.push([manager.mutation('rota_slots', 'delete', slot)])).status).toBe(403);
        expect((await manager2.push([manager2.mutation('rota_slots', 'delete', slot)])).status).toBe(200);
      });

      it('a slot records who gave it (server-set: a client cannot claim it was given)', async () => {
        const { a, userIds, from } = await recruiting(start);
        const slot = id();
        expect((await a.push([a.upsert('rota_slots', slot, rotaSlot(userIds.manager, thisWeek(), 'shortlisting', { givenBy: userIds.b }))])).status).toBe(200);
        expect(materialise((await a.pullAll(from)).changes).get(`rota_slots:${slot}`)).toMatchObject({ managerId: userIds.manager, givenBy: userIds.a });
      });

      it("a manager decides their own team's vacancies only when the council allows it", async () => {
        const { a, manager, userIds, t, app, setSettings } = await recruiting(start);
        expect((await a.push([a.upsert('teams', t, { managerId: userIds.manager }, Date.now())])).status).toBe(200);
        const off = await manager.push([manager.upsert('stage_events', id(), stageEvent(app, userIds.manager))]);
        expect(off.status).toBe(403);
        manager.seq--;
        await setSettings({ managersDecideOwnTeam: true });
        expect((await manager.push([manager.upsert('stage_events', id(), stageEvent(app, userIds.manager))])).status).toBe(200);
        const notTheirs = await recruitingVacancy(a, null);
        const app2 = id();
        expect((await a.push([a.upsert('applications', app2, application(notTheirs))])).status).toBe(200);
        const other = await manager.push([manager.upsert('stage_events', id(), stageEvent(app2, userIds.manager))]);
        expect(other.status).toBe(403);
        expect(other.body.error.details[0].reason).toMatch(/nor a vacancy of a team you manage/);
      });
    });

    describe('every mutation names records that exist, in the same organisation', () => {
      it('erasing an application the server does not hold is refused, and leaves nothing behind', async () => {
        const { a, from } = await start();
        const ghost = id();
        const r = await a.push([a.mutation('applications', 'erase', ghost)]);
        expect(r.status).toBe(400);
        expect(r.body.error.details[0].issues).toEqual([`recordId: no application ${ghost} in your organisation to erase`]);
        expect((await a.pullAll(from)).changes).toEqual([]);
      });

      it('references to missing, deleted or other organisations\' records are refused by field', async () => {
        const { a, transport, tokens, userIds, from } = await start();
        const theirs = new SyncClient(transport, tokens.elsewhere);
        const [theirVacancy, gone, ghost] = [id(), id(), id()];
        expect((await theirs.push([theirs.upsert('vacancies', theirVacancy, vacancy())])).status).toBe(200);
        expect((await a.push([a.upsert('vacancies', gone, vacancy()), a.mutation('vacancies', 'delete', gone)])).status).toBe(200);
        const cases: [string, ReturnType<SyncClient['upsert']>, string][] = [
          ['unknown vacancy', a.upsert('applications', id(), application(ghost)), `vacancyId: no vacancy ${ghost} in your organisation`],
          ["another organisation's vacancy", a.upsert('applications', id(), application(theirVacancy)), `vacancyId: no vacancy ${theirVacancy} in your organisation`],
          ['deleted vacancy', a.upsert('adverts', id(), { vacancyId: gone, url: 'https://jobs.example.org/1', board: 'Community Care' }), `vacancyId: vacancy ${gone} was deleted`],
          ['unknown team', a.upsert('vacancies', id(), vacancy({ teamIds: [ghost] })), `teamIds: no team ${ghost} in your organisation`],
          ['unknown application', a.upsert('stage_events', id(), stageEvent(ghost, userIds.a)), `applicationId: no application ${ghost} in your organisation`],
          ['unknown user', a.upsert('rota_slots', id(), rotaSlot('user-nobody', thisWeek())), 'managerId: no user user-nobody in your organisation'],
          ["another organisation's user", a.upsert('teams', id(), team({ managerId: userIds.elsewhere })), `managerId: no user ${userIds.elsewhere} in your organisation`],
        ];
        for (const [name, m, issue] of cases) {
          const r = await a.push([{ ...m, seq: 3 }]);
          expect(r.status, name).toBe(400);
          expect(r.body.error.details[0].issues.join('; '), name).toContain(issue);
        }
        // A record created earlier in the same push is there to be named.
        a.seq = 2;
        const [v, app] = [id(), id()];
        expect((await a.push([a.upsert('vacancies', v, vacancy()), a.upsert('applications', app, application(v, { assignedTo: userIds.manager }))])).status).toBe(200);
        const keys = [...materialise((await a.pullAll(from)).changes).keys()];
        expect(keys.filter((k) => k.startsWith('applications:'))).toEqual([`applications:${app}`]);
      });
    });

    describe('hostile input is a named 400, never a 5xx', () => {
      it("field names of Object.prototype are not fields", async () => {
        const { a } = await start();
        for (const key of ['constructor', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__']) {
          const m = a.upsert('teams', id(), { ...team(), [key]: 'x' });
          const r = await a.push([m]);
          expect(r.status, key).toBe(400);
          expect(r.body.error.details[0].issues, key).toEqual([`${key}: is not a field of teams`]);
          a.seq--;
        }
        const proto = await a.transport.push(a.token, JSON.parse(`{"clientId":"${a.clientId}","schemaVersion":1,"mutations":[{"id":"${id()}","seq":1,"table":"teams","op":"upsert","recordId":"${id()}","hlc":"${a.hlc()}","fields":{"__proto__":{"name":"x"},"type":"assessment"}}]}`));
        expect(proto.status).toBe(400);
        expect(proto.body.error.details[0].issues).toContain('name: is required (a new record needs all its required fields)');
      });

      it('dates outside 2000-01-01..2100-12-31, in fields and in clocks, are refused', async () => {
        const { a, from } = await start();
        const v = id();
        for (const date of ['0099-01-01', '1999-12-31', '2101-01-01', '2999-03-02']) {
          const r = await a.push([a.upsert('vacancies', v, vacancy({ closingDate: date }))]);
          expect(r.status, date).toBe(400);
          expect(r.body.error.details[0].issues, date).toEqual(['closingDate: must lie between 2000-01-01 and 2100-12-31']);
          a.seq--;
        }
        const oldClock = await a.push([{ ...a.upsert('teams', id(), team()), hlc: formatHlc({ wall: 86_400_000, counter: 0, node: a.clientId }) }]);
        expect(oldClock.status).toBe(400);
        expect(oldClock.body.error.code).toBe('invalid_request');
        expect(oldClock.body.error.message).toMatch(/must carry a wall clock between 2000-01-01 and 2100-12-31/);
        expect((await a.pullAll(from)).changes).toEqual([]);
      });

      it('stray types where the rules look (deep arrays, objects, numbers) are refused by field', async () => {
        const { a, manager, userIds } = await recruiting(start);
        let deep: unknown = 'x';
        for (let i = 0; i < 500; i++) deep = [deep];
        const nested = await a.push([a.upsert('teams', id(), team({ name: deep }))]);
        expect(nested.status).toBe(400);
        expect(nested.body.error.details[0].issues).toEqual([expect.stringMatching(/^name: /)]);
        a.seq--;
        for (const fields of [
          stageEvent([id()] as unknown as string, userIds.manager),
          { ...stageEvent(id(), userIds.manager), stage: { toString: 'shortlisted' } },
          { ...stageEvent(id(), userIds.manager), at: 20260302 },
        ]) {
          const r = await manager.push([manager.upsert('stage_events', id(), fields)]);
          expect(r.status, JSON.stringify(fields)).toBe(400);
          expect(r.body.error.code).toBe('invalid_mutations');
          manager.seq--;
        }
      });
    });

    describe('stage history cannot be falsified', () => {
      it('by is the caller, whatever name a client sends', async () => {
        const { a, app, userIds, from } = await recruiting(start);
        const e = id();
        expect((await a.push([a.upsert('stage_events', e, stageEvent(app, userIds.manager))])).status).toBe(200);
        expect(materialise((await a.pullAll(from)).changes).get(`stage_events:${e}`)).toMatchObject({ by: userIds.a });
      });

      it('an event dated after the server clock (and its tolerance) is refused', async () => {
        const { a, app, userIds } = await recruiting(start);
        const future = await a.push([a.upsert('stage_events', id(), stageEvent(app, userIds.a, 'shortlisted', { at: new Date(Date.now() + 48 * HOUR).toISOString() }))]);
        expect(future.status).toBe(400);
        expect(future.body.error.details[0].issues[0]).toMatch(/^at: is later than the server's clock/);
      });

      it('a past-dated entry is for coordinators and the central team, and is labelled recorded late', async () => {
        const { a, manager, app, userIds, from } = await recruiting(start);
        await a.push([a.upsert('rota_slots', id(), rotaSlot(userIds.manager, thisWeek()))]);
        const lastWeek = new Date(Date.now() - 26 * HOUR).toISOString();
        const late = id();
        expect((await a.push([a.upsert('stage_events', late, stageEvent(app, userIds.a, 'shortlisted', { at: lastWeek, recordedLate: false }))])).status).toBe(200);
        const onTime = id();
        expect((await manager.push([manager.upsert('stage_events', onTime, stageEvent(app, userIds.manager, 'interview_booked', { recordedLate: true, enteredAt: lastWeek }))])).status).toBe(200);
        const state = materialise((await a.pullAll(from)).changes);
        expect(state.get(`stage_events:${late}`)).toMatchObject({ at: lastWeek, recordedLate: true, enteredAt: expect.any(String) });
        expect(Date.parse(String(state.get(`stage_events:${late}`)!.enteredAt))).toBeGreaterThan(Date.parse(lastWeek) + 24 * HOUR);
        expect(state.get(`stage_events:${onTime}`)).not.toHaveProperty('recordedLate');
        expect(state.get(`stage_events:${onTime}`)).not.toHaveProperty('enteredAt');

        const backdated = await manager.push([manager.upsert('stage_events', id(), stageEvent(app, userIds.manager, 'rejected', { at: new Date(Date.now() - 2 * HOUR).toISOString() }))]);
        expect(backdated.status).toBe(403);
        expect(backdated.body.error.details[0].reason).toMatch(/records the past; central and coordinator users enter what happened offline/);
      });

      it('an event made offline carries its own clock and is not late', async () => {
        const { a, manager, app, userIds, from } = await recruiting(start);
        await a.push([a.upsert('rota_slots', id(), rotaSlot(userIds.manager, thisWeek()))]);
        const madeAt = Date.now() - 3 * HOUR;
        const offline = id();
        const r = await manager.push([manager.upsert('stage_events', offline, stageEvent(app, userIds.manager, 'shortlisted', { at: new Date(madeAt).toISOString() }), madeAt)]);
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        expect(materialise((await a.pullAll(from)).changes).get(`stage_events:${offline}`)).not.toHaveProperty('recordedLate');
      });
    });

    describe('sequence numbers: only a replay is skipped', () => {
      it('a new mutation under a used sequence number is 409 sequence_reused, nothing applied; numbered again it applies', async () => {
        const { a, from } = await start();
        const first = [a.upsert('teams', id(), team()), a.upsert('teams', id(), team({ name: 'Two' }))];
        expect((await a.push(first)).status).toBe(200);
        const reused = { ...a.upsert('teams', id(), team({ name: 'Three' })), seq: 2 };
        const r = await a.push([reused]);
        expect(r.status).toBe(409);
        expect(r.body.error).toMatchObject({ code: 'sequence_reused', details: { lastSeq: 2, resequenceFrom: 3, mutations: [{ id: reused.id, seq: 2 }] } });
        expect((await a.pullAll(from)).changes).toHaveLength(2);
        // The client numbers it again (with the replay of an applied one, still skipped).
        const again = await a.push([{ ...first[1]!, seq: 3 }, { ...reused, seq: 4 }]);
        expect(again.body).toEqual({ lastSeq: 4, applied: 1, skipped: 1, conflicts: [] });
        expect((await a.pullAll(from)).changes).toHaveLength(3);
      });

      it('a pull cursor beyond the server\'s log is 409 cursor_ahead: start again from 0', async () => {
        const { a } = await start();
        expect((await a.push([a.upsert('teams', id(), team())])).status).toBe(200);
        const { cursor } = await a.pullAll();
        expect((await a.pull(cursor)).status).toBe(200);
        const ahead = await a.pull(cursor + 1_000_000);
        expect(ahead.status).toBe(409);
        expect(ahead.body).toMatchObject({ error: { code: 'cursor_ahead', details: { cursor: cursor + 1_000_000, restartFrom: 0 } } });
        expect((await a.pull(0)).body.changes.length).toBeGreaterThan(0);
      });
    });
  });
}

/** A new vacancy (of team t, or of no team) pushed by coordinator a. */
async function recruitingVacancy(a: SyncClient, t: string | null): Promise<string> {
  const v = id();
  const r = await a.push([a.upsert('vacancies', v, vacancy({ teamIds: t ? [t] : [] }))]);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return v;
}
