import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '#shared/hlc';
import { SYNC_SCHEMA_VERSION, type ConflictRecord, type Settings, type SyncTable } from '#shared/schema/index';
import { materialise, SyncClient, type SyncTransport } from './client';
import { application, stageEvent, team, vacancy } from './records';
import { retentionContract } from './retention-cases';
import { securityContract } from './security-cases';

/**
 * The sync contract: the same cases run against the unit tests' fake server (fake.test.ts,
 * in Node) and the worker with D1 in workerd (worker.test.ts). A case that holds on one and
 * not on the other fails the build, so the fake can be trusted wherever the extension's tests
 * use it. Cases speak HTTP only, and measure cursors relative to each other (the worker's
 * change log is shared by every organisation in the database).
 */

/**
 * A fresh organisation with two coordinators and two managers, and a coordinator of another
 * organisation (whose user id `elsewhere` is in no record of this one).
 */
export interface Council {
  transport: SyncTransport;
  tokens: { a: string; b: string; manager: string; manager2: string; elsewhere: string };
  userIds: { a: string; b: string; manager: string; manager2: string; elsewhere: string };
  /** Changes the organisation's settings, as its admin would. */
  setSettings(settings: Partial<Settings>): Promise<void>;
}

const id = () => uuidv7();
export function syncContract(server: string, council: () => Promise<Council>): void {
  /** Two clients of user a and b, and the cursor where this council's history starts. */
  async function start() {
    const c = await council();
    const a = new SyncClient(c.transport, c.tokens.a);
    const b = new SyncClient(c.transport, c.tokens.b);
    const { cursor } = await a.pullAll();
    return { ...c, a, b, from: cursor };
  }

  /** Pushes edits of one record in turn, each stamped `msAgo` before now by its client, and each accepted. */
  async function pushTimedEdits(table: SyncTable, recordId: string, edits: ReadonlyArray<readonly [client: SyncClient, fields: Record<string, unknown>, msAgo: number]>) {
    const now = Date.now();
    for (const [client, fields, msAgo] of edits) {
      const r = await client.push([client.upsert(table, recordId, fields, now - msAgo)]);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    return now;
  }

  describe(`sync contract: ${server}`, () => {
    describe('push and pull', () => {
      it('creates records, pulls them in push order, and a replayed batch changes nothing', async () => {
        const { a, from } = await start();
        const [t, v, app] = [id(), id(), id()];
        const batch = [a.upsert('teams', t, team()), a.upsert('vacancies', v, vacancy({ teamIds: [t] })), a.upsert('applications', app, application(v))];
        const first = await a.push(batch);
        expect(first.status, JSON.stringify(first.body)).toBe(200);
        expect(first.body).toEqual({ lastSeq: 3, applied: 3, skipped: 0, conflicts: [] });
        const { changes, cursor } = await a.pullAll(from);
        expect(changes.map((x) => [x.table, x.recordId, x.deleted])).toEqual([
          ['teams', t, false],
          ['vacancies', v, false],
          ['applications', app, false],
        ]);
        expect(materialise(changes).get(`applications:${app}`)).toEqual({ id: app, ...application(v) });
        expect((await a.push(batch)).body).toEqual({ lastSeq: 3, applied: 0, skipped: 3, conflicts: [] });
        expect((await a.pullAll(cursor)).changes).toEqual([]);
      });

      it('a replay mixed with new mutations applies only the new ones', async () => {
        const { a } = await start();
        const m1 = a.upsert('teams', id(), team());
        const m2 = a.upsert('teams', id(), team({ name: 'Two' }));
        expect((await a.push([m1, m2])).status).toBe(200);
        const m3 = a.upsert('teams', id(), team({ name: 'Three' }));
        expect((await a.push([m1, m2, m3])).body).toEqual({ lastSeq: 3, applied: 1, skipped: 2, conflicts: [] });
      });

      it('a push may create a record and change it again; the pull sends it once, as it ends', async () => {
        const { a, from } = await start();
        const t = id();
        const now = Date.now();
        expect((await a.push([a.upsert('teams', t, team(), now - 2000), a.upsert('teams', t, { name: 'Renamed' }, now - 1000)])).status).toBe(200);
        const { changes } = await a.pullAll(from);
        expect(changes).toHaveLength(1);
        expect(changes[0]!.record).toMatchObject({ name: 'Renamed', area: 'North' });
      });

      it('paged pull sees every change, never goes backwards, and sends a record changed twice in a page once', async () => {
        const { a, from } = await start();
        const teams = [id(), id(), id(), id(), id()];
        expect((await a.push(teams.map((t, i) => a.upsert('teams', t, team({ name: `Team ${i}` }))))).status).toBe(200);
        expect((await a.push([a.upsert('teams', teams[0]!, { area: 'South' }, Date.now())])).status).toBe(200);

        const whole = await a.pull(from, 100);
        expect(whole.body.hasMore).toBe(false);
        expect(whole.body.changes.map((c) => c.recordId)).toEqual([...teams.slice(1), teams[0]]);
        const cursors = whole.body.changes.map((c) => c.cursor);
        expect([...cursors].sort((x, y) => x - y)).toEqual(cursors);
        expect(whole.body.cursor).toBe(cursors[cursors.length - 1]);

        const first = await a.pull(from, 2);
        expect(first.body).toMatchObject({ hasMore: true, changes: [{ recordId: teams[0] }, { recordId: teams[1] }] });
        const paged = await a.pullAll(from, 2);
        expect(paged.pages).toBe(3);
        expect(paged.cursor).toBe(whole.body.cursor);
        expect(materialise(paged.changes)).toEqual(materialise(whole.body.changes));
        expect((await a.pull(paged.cursor, 2)).body).toEqual({ changes: [], cursor: paged.cursor, hasMore: false, scope: expect.any(String) });
      });

      it('no data crosses organisations, whatever ids a caller sends', async () => {
        const { a, transport, tokens, from } = await start();
        const t = id();
        expect((await a.push([a.upsert('teams', t, team({ name: 'Ours' }))])).status).toBe(200);
        const other = new SyncClient(transport, tokens.elsewhere);
        const before = await other.pullAll();
        expect((await other.push([other.upsert('teams', t, team({ name: 'Theirs' }), Date.now())])).status).toBe(200);
        expect(materialise((await other.pullAll(before.cursor)).changes)).toEqual(new Map([[`teams:${t}`, { id: t, ...team({ name: 'Theirs' }) }]]));
        expect(materialise((await a.pullAll(from)).changes)).toEqual(new Map([[`teams:${t}`, { id: t, ...team({ name: 'Ours' }) }]]));
      });
    });

    describe('refusals', () => {
      it('a gap is refused with the expected sequence, and nothing of it applies', async () => {
        const { a, from } = await start();
        expect((await a.push([a.upsert('teams', id(), team())])).status).toBe(200);
        a.seq = 5;
        const r = await a.push([a.upsert('teams', id(), team())]);
        expect(r.status).toBe(409);
        expect(r.body.error).toEqual({ code: 'sequence_gap', message: 'expected sequence 2, got 6', details: { expected: 2, lastSeq: 1 } });
        expect((await a.pullAll(from)).changes).toHaveLength(1);
      });

      it('two mutations with one sequence are refused', async () => {
        const { a } = await start();
        const m1 = a.upsert('teams', id(), team());
        const m2 = { ...a.upsert('teams', id(), team()), seq: m1.seq };
        const r = await a.push([m1, m2]);
        expect(r.status).toBe(400);
        expect(r.body.error).toEqual({ code: 'invalid_request', message: `Two mutations carry sequence 1 (${m1.id} and ${m2.id}); each needs its own` });
      });

      it('a clientId belongs to the user who first pushed with it', async () => {
        const { a, transport, tokens } = await start();
        expect((await a.push([a.upsert('teams', id(), team())])).status).toBe(200);
        const impostor = new SyncClient(transport, tokens.b, a.clientId);
        impostor.seq = 1;
        const r = await impostor.push([impostor.upsert('teams', id(), team())]);
        expect(r.status).toBe(409);
        expect(r.body.error.code).toBe('client_mismatch');
      });

      it('invalid mutations: 400 naming each, nothing applied; the valid ones go through alone', async () => {
        const { a, from } = await start();
        const good = a.upsert('teams', id(), team());
        const bad1 = a.upsert('teams', id(), team({ name: '' }));
        const bad2 = a.upsert('applications', id(), { name: 'x' });
        const r = await a.push([good, bad1, bad2]);
        expect(r.status).toBe(400);
        expect(r.body.error.code).toBe('invalid_mutations');
        expect(r.body.error.message).toMatch(/^2 mutations are not valid, so nothing of this push was applied\. /);
        expect(r.body.error.message).toContain(`mutation ${bad1.id} (seq ${bad1.seq}, teams ${bad1.recordId}): name: must not be empty`);
        expect(r.body.error.details).toEqual([
          { id: bad1.id, seq: bad1.seq, table: 'teams', recordId: bad1.recordId, issues: ['name: must not be empty'] },
          { id: bad2.id, seq: bad2.seq, table: 'applications', recordId: bad2.recordId, issues: expect.arrayContaining(['vacancyId: is required (a new record needs all its required fields)']) },
        ]);
        expect((await a.pullAll(from)).changes).toEqual([]);
        expect((await a.push([good])).body).toMatchObject({ lastSeq: 1, applied: 1 });
      });

      it('an old schema version gets 426 before any validation', async () => {
        const { transport, tokens } = await start();
        const r = await transport.push(tokens.a, { clientId: 'client-old-0001', schemaVersion: SYNC_SCHEMA_VERSION - 1, mutations: [{ nonsense: true }] });
        expect(r.status).toBe(426);
        expect(r.body.error).toMatchObject({ code: 'schema_version_unsupported', details: { expected: SYNC_SCHEMA_VERSION, got: SYNC_SCHEMA_VERSION - 1 } });
      });

      it('a body or query that does not parse is 400 invalid_request', async () => {
        const { transport, tokens } = await start();
        for (const body of [{ clientId: 'x' }, { clientId: 'client-0001', schemaVersion: SYNC_SCHEMA_VERSION, mutations: [{ id: 'nope' }] }]) {
          const r = await transport.push(tokens.a, body);
          expect(r.status, JSON.stringify(body)).toBe(400);
          expect(r.body.error.code).toBe('invalid_request');
        }
        for (const query of ['?limit=0', '?limit=5000', '?cursor=-1', '?cursor=abc']) {
          const r = await transport.pull(tokens.a, query);
          expect(r.status, query).toBe(400);
          expect(r.body.error.code).toBe('invalid_request');
        }
      });

      it('no token, or one the server does not know, is 401', async () => {
        const { transport } = await start();
        expect((await transport.push(null, {})).body.error.code).toBe('missing_token');
        expect((await transport.pull(null, '')).status).toBe(401);
        const unknown = await transport.pull('sl_not-a-token-anyone-issued', '');
        expect(unknown.status).toBe(401);
        expect(unknown.body.error.code).toBe('invalid_token');
      });
    });

    describe('merge by field clock', () => {
      it('edits of different fields by two clients both stay', async () => {
        const { a, b, from } = await start();
        const t = id();
        await pushTimedEdits('teams', t, [
          [a, team(), 3000],
          [b, { name: 'Renamed by B' }, 2000],
          [a, { area: 'South' }, 1000],
        ]);
        expect(materialise((await a.pullAll(from)).changes).get(`teams:${t}`)).toMatchObject({ name: 'Renamed by B', area: 'South' });
      });

      it('the newer clock wins whatever the arrival order, and the losing edit is logged so its writer pulls the winner', async () => {
        const { a, b, from } = await start();
        const t = id();
        const now = Date.now();
        expect((await a.push([a.upsert('teams', t, team({ name: 'Newer' }), now - 1000)])).status).toBe(200);
        const seen = await b.pullAll(from);
        const late = await b.push([b.upsert('teams', t, { name: 'Older' }, now - 10_000)]);
        expect(late.body).toEqual({ lastSeq: 1, applied: 1, skipped: 0, conflicts: [] });
        const after = await b.pullAll(seen.cursor);
        expect(after.changes.map((c) => [c.recordId, c.record?.name])).toEqual([[t, 'Newer']]);
      });

      it('an equal clock is the same write: a second value under it changes nothing', async () => {
        const { a, from } = await start();
        const t = id();
        const hlc = a.hlc();
        const first = { ...a.upsert('teams', t, team({ name: 'First' })), hlc };
        const again = { ...a.upsert('teams', t, { name: 'Second' }), hlc };
        expect((await a.push([first, again])).status).toBe(200);
        expect(materialise((await a.pullAll(from)).changes).get(`teams:${t}`)).toMatchObject({ name: 'First' });
      });

      it('a clock far ahead of the server is pulled back, so it cannot win every later edit', async () => {
        const { a, b, from } = await start();
        const t = id();
        const dayAhead = formatHlc({ wall: Date.now() + 86_400_000, counter: 0, node: a.clientId });
        expect((await a.push([{ ...a.upsert('teams', t, team({ name: 'A day fast' })), hlc: dayAhead }])).status).toBe(200);
        // B's clock is two minutes fast: beyond the tolerance too, pulled back to no earlier than A's.
        const later = formatHlc({ wall: Date.now() + 120_000, counter: 1, node: b.clientId });
        expect((await b.push([{ ...b.upsert('teams', t, { name: 'Renamed after' }), hlc: later }])).status).toBe(200);
        expect(materialise((await a.pullAll(from)).changes).get(`teams:${t}`)).toMatchObject({ name: 'Renamed after' });
      });
    });

    describe('tombstones and append-only events', () => {
      it('a deleted record stays deleted: a newer upsert is ignored and pulls send a tombstone', async () => {
        const { a, from } = await start();
        const t = id();
        const now = Date.now();
        expect((await a.push([a.upsert('teams', t, team(), now - 3000), a.mutation('teams', 'delete', t, undefined, now - 2000)])).status).toBe(200);
        expect((await a.push([a.upsert('teams', t, { name: 'Back?' }, now)])).status).toBe(200);
        const { changes } = await a.pullAll(from);
        expect(changes.filter((c) => c.recordId === t).map((c) => [c.deleted, c.record])).toEqual([[true, null]]);
      });

      it('a delete before the create leaves a tombstone, and the late create is ignored', async () => {
        const { a, b, from } = await start();
        const t = id();
        const now = Date.now();
        expect((await b.push([b.mutation('teams', 'delete', t, undefined, now - 1000)])).status).toBe(200);
        expect((await a.push([a.upsert('teams', t, team(), now - 5000)])).status).toBe(200);
        expect(materialise((await a.pullAll(from)).changes)).toEqual(new Map([[`teams:${t}`, null]]));
      });

      it('stage events are append-only: a second write of an id is ignored, a delete refused', async () => {
        const { a, b, userIds, from } = await start();
        const [v, app, e] = [id(), id(), id()];
        expect((await a.push([a.upsert('vacancies', v, vacancy()), a.upsert('applications', app, application(v))])).status).toBe(200);
        expect((await a.push([a.upsert('stage_events', e, stageEvent(app, userIds.a))])).status).toBe(200);
        expect((await b.push([b.upsert('stage_events', e, stageEvent(app, userIds.b, 'interviewed'), Date.now())])).status).toBe(200);
        expect(materialise((await a.pullAll(from)).changes).get(`stage_events:${e}`)).toMatchObject({ stage: 'shortlisted', by: userIds.a });
        const del = await a.push([a.mutation('stage_events', 'delete', e)]);
        expect(del.status).toBe(400);
        expect(del.body.error.details[0].issues).toEqual(['op: stage events are append-only; record a new event instead of deleting one']);
      });
    });

    describe('erasure', () => {
      it('removes personal fields and notes everywhere, and they stay removed', async () => {
        const { a, userIds, from } = await start();
        const [v, app, e, chk] = [id(), id(), id(), id()];
        const now = Date.now();
        const setup = [
          a.upsert('vacancies', v, vacancy(), now - 5000),
          a.upsert('applications', app, application(v, { atsReference: 'ATS-7' }), now - 5000),
          a.upsert('stage_events', e, stageEvent(app, userIds.a, 'shortlisted', { note: 'Strong on direct work with Alex' }), now - 5000),
          a.upsert('checks', chk, { applicationId: app, kind: 'references', note: 'Referee knows Alex well' }, now - 5000),
        ];
        expect((await a.push(setup)).status).toBe(200);
        const erased = await a.push([a.mutation('applications', 'erase', app, undefined, now - 4000)]);
        expect(erased.body).toMatchObject({ applied: 1, conflicts: [] });
        const later = [
          a.upsert('applications', app, { name: 'Alex Again', yearsQualified: 5 }, now - 3000),
          a.upsert('stage_events', id(), stageEvent(app, userIds.a, 'interview_booked', { interviewAt: new Date(now + 86_400_000).toISOString(), note: 'Alex prefers mornings' }), now - 3000),
        ];
        expect((await a.push(later)).status).toBe(200);

        const state = materialise((await a.pullAll(from)).changes);
        expect(state.get(`applications:${app}`)).toMatchObject({ erased: true, name: null, email: null, phone: null, atsReference: null, yearsQualified: 5 });
        expect(state.get(`stage_events:${e}`)).toMatchObject({ note: null });
        expect(state.get(`checks:${chk}`)).toMatchObject({ note: null });
        expect(state.get(`stage_events:${later[1]!.recordId}`)).toMatchObject({ stage: 'interview_booked', note: null });
        expect(JSON.stringify([...state.values()])).not.toMatch(/Alex|ATS-7/);

        const head = await a.pullAll(from);
        expect((await a.push([a.mutation('applications', 'erase', app)])).body).toMatchObject({ applied: 1 });
        expect((await a.pullAll(head.cursor)).changes).toEqual([]);
      });

      it('applies to applications and staff records only', async () => {
        const { a } = await start();
        const r = await a.push([a.mutation('teams', 'erase', id())]);
        expect(r.status).toBe(400);
        expect(r.body.error.details[0].issues).toEqual(['op: erase applies to applications and staff only, not teams']);
      });
    });

    describe('conflicts of critical fields', () => {
      // A sets the status twice; B's edit, stamped between A's two or after them, arrives last.
      it.each([
        { edit: 'an edit that loses to a newer value from another client is kept as a conflict and pulled', aMsAgo: [10_000, 1000], b: { status: 'cancelled', msAgo: 5000 }, losingValue: 'cancelled', winningValue: 'closed' },
        // A's edit was made 10 s ago and arrives now; B's, made 5 s ago, could not have seen it.
        { edit: 'an edit that wins over a value its writer could not have seen keeps the overwritten one', aMsAgo: [60_000, 10_000], b: { status: 'filled', msAgo: 5000 }, losingValue: 'closed', winningValue: 'filled' },
      ])('$edit', async ({ aMsAgo, b: edit, losingValue, winningValue }) => {
        const { a, b, from } = await start();
        const v = id();
        const now = await pushTimedEdits('vacancies', v, [
          [a, vacancy(), aMsAgo[0]!],
          [a, { status: 'closed' }, aMsAgo[1]!],
        ]);
        const last = await b.push([b.upsert('vacancies', v, { status: edit.status }, now - edit.msAgo)]);
        expect(last.status).toBe(200);
        const conflict = { table: 'vacancies', recordId: v, field: 'status', losingValue, winningValue };
        expect(last.body.conflicts).toEqual([expect.objectContaining(conflict)]);
        const state = materialise((await a.pullAll(from)).changes);
        expect(state.get(`vacancies:${v}`)).toMatchObject({ status: winningValue });
        // PushResponse types a conflict without its id; both servers answer the ConflictRecord that pulls send.
        const recorded = last.body.conflicts[0] as ConflictRecord;
        expect(state.get(`conflicts:${recorded.id}`)).toMatchObject(conflict);
      });

      it('no conflict when one client overwrites its own value, or the values agree', async () => {
        const { a, b } = await start();
        const v = id();
        const now = Date.now();
        expect((await a.push([a.upsert('vacancies', v, vacancy(), now - 10_000), a.upsert('vacancies', v, { status: 'closed' }, now - 9000)])).body.conflicts).toEqual([]);
        expect((await b.push([b.upsert('vacancies', v, { status: 'closed' }, now - 20_000)])).body.conflicts).toEqual([]);
      });
    });
  });

  securityContract(server, start);
  retentionContract(server, start);
}
