import { endpointOf, freshDb, newId, outbox, teamFields } from './helpers';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ShortlistDb } from '@/db/database';
import { clientId, META, readMeta, writeMeta } from '@/db/meta';
import { upsertRecord } from '@/db/writes';
import { NetworkError } from '@/sync/api';
import { signIn } from '@/sync/account';
import { syncOnce } from '@/sync/engine';
import { pushOutbox, PUSH_BATCH } from '@/sync/push';
import { sessionItem } from '@/sync/session';
import { readStatus } from '@/sync/status';
import { DEFAULT_USER, FakeServer } from './fake-server';

let db: ShortlistDb;
let server: FakeServer;
const push = () => pushOutbox(db, endpointOf(server), server.fetch);

beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDb('push');
  server = new FakeServer();
});

async function writeTeams(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = newId();
    await upsertRecord('teams', id, teamFields({ name: `Team ${i}` }), db);
    ids.push(id);
  }
  return ids;
}

async function mutationIds(): Promise<string[]> {
  return (await outbox(db)).map((e) => e.mutation.id);
}

/** Every mutation the client made is on the server exactly once. */
function expectAppliedOnce(ids: string[]) {
  for (const id of ids) expect(server.applyCount(id), `mutation ${id}`).toBe(1);
}

describe('pushOutbox', () => {
  it('sends the outbox in order with seqs 1..n and deletes entries once acknowledged', async () => {
    const teams = await writeTeams(3);
    const ids = await mutationIds();
    const res = await push();
    expect(res.pushed).toBe(3);
    expect(await db.outbox.count()).toBe(0);
    expect(server.pushes()[0]!.mutations.map((m) => [m.id, m.seq])).toEqual(ids.map((id, i) => [id, i + 1]));
    expect(server.lastSeq(await clientId(db))).toBe(3);
    expect(await readMeta(db, META.lastAckedSeq, 0)).toBe(3);
    for (const t of teams) expect(server.record('teams', t)).toMatchObject({ id: t, type: 'front_door' });
    expectAppliedOnce(ids);
  });

  it('keeps only what the server did not acknowledge', async () => {
    await writeTeams(3);
    const ids = await mutationIds();
    // The server acknowledges up to 2 only (as if 3 had arrived after the batch was read).
    const realFetch = server.fetch;
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await realFetch(input, init);
      const body = (await res.json()) as { lastSeq: number };
      return new Response(JSON.stringify({ ...body, lastSeq: 2 }), { status: res.status });
    }) as typeof fetch;
    const first = await pushOutbox(db, endpointOf(server), fetchImpl).catch((e: unknown) => e);
    // Round 2 resends entry 3 and hears "2" again: acknowledged before this batch, so it stops and keeps entry 3.
    expect(first).toBeInstanceOf(Error);
    expect((await outbox(db)).map((e) => e.mutation.id)).toEqual([ids[2]]);
    await push();
    expect(await db.outbox.count()).toBe(0);
    expectAppliedOnce(ids);
  });

  it('a drop before the request keeps everything, seqs included', async () => {
    await writeTeams(2);
    server.failNext({ kind: 'drop-before' }, 'push');
    await expect(push()).rejects.toBeInstanceOf(NetworkError);
    const entries = await outbox(db);
    expect(entries).toHaveLength(2);
    expect(entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(server.pushes()).toHaveLength(0);
    await push();
    expect(await db.outbox.count()).toBe(0);
    expect(server.pushes()[0]!.mutations.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('a drop after the server applied it: the resend is a replay with the same seqs and ids, skipped', async () => {
    await writeTeams(3);
    const ids = await mutationIds();
    server.failNext({ kind: 'drop-after' }, 'push');
    await expect(push()).rejects.toBeInstanceOf(NetworkError);
    expect(await db.outbox.count()).toBe(3);
    expectAppliedOnce(ids);
    // Meanwhile a new local change: it gets the next seq, after the unacknowledged ones.
    await writeTeams(1);
    const all = await mutationIds();
    await push();
    const [first, second] = server.pushes();
    expect(second!.mutations.slice(0, 3)).toEqual(first!.mutations);
    expect(second!.mutations.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(await db.outbox.count()).toBe(0);
    expectAppliedOnce(all);
    expect(server.lastSeq(await clientId(db))).toBe(4);
  });

  it('sequence_gap with the server ahead: drops what the server holds, then sends the rest once', async () => {
    await writeTeams(3);
    const ids = await mutationIds();
    server.failNext({ kind: 'drop-after' }, 'push');
    await expect(push()).rejects.toBeInstanceOf(NetworkError); // server holds 1..3, the client does not know
    // A crash left the fourth entry numbered past a hole (e.g. an interrupted renumbering).
    await writeTeams(1);
    const last = (await outbox(db)).at(-1)!;
    await db.outbox.update(last.localId!, { seq: 5 });
    await push();
    const gaps = server.pushes().slice(1);
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    expect(await db.outbox.count()).toBe(0);
    expectAppliedOnce([...ids, last.mutation.id]);
    expect(server.lastSeq(await clientId(db))).toBe(4);
  });

  it('sequence_gap with the server behind: renumbers and sends everything once', async () => {
    const teams = await writeTeams(2);
    const ids = await mutationIds();
    // The client believes 10 were acknowledged (a server restored from an older backup).
    await writeMeta(db, META.lastAckedSeq, 10);
    await push();
    const pushes = server.pushes();
    expect(pushes[0]!.mutations.map((m) => m.seq)).toEqual([11, 12]);
    expect(pushes.at(-1)!.mutations.map((m) => m.seq)).toEqual([1, 2]);
    expect(pushes.at(-1)!.mutations.map((m) => m.id)).toEqual(ids);
    expect(await db.outbox.count()).toBe(0);
    expectAppliedOnce(ids);
    for (const t of teams) expect(server.record('teams', t)).not.toBeNull();
  });

  it('401 keeps the outbox and reports kind auth; 426 kind outdated; 500 kind server', async () => {
    expect(await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch)).toMatchObject({ ok: true });
    expect(await sessionItem.getValue()).toMatchObject({ serverUrl: server.baseUrl, me: { user: { id: DEFAULT_USER.userId } } });
    await writeTeams(2);
    server.failNext({ kind: 'status', status: 401, code: 'token_expired', message: 'This token expired on 1 March' });
    let r = await syncOnce(db, server.fetch);
    expect(r).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect(r.error!.message).toContain('This token expired on 1 March');
    expect(await db.outbox.count()).toBe(2);
    expect(await readMeta(db, META.lastError, null)).toMatchObject({ kind: 'auth' });
    expect(await readStatus(db, false)).toMatchObject({ pending: 2, lastError: { kind: 'auth' } });

    // An old client: the real server check, not an injected status.
    const realFetch = server.fetch;
    const oldClient = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const body = typeof init?.body === 'string' ? { ...JSON.parse(init.body), schemaVersion: 0 } : undefined;
      return realFetch(input, body ? { ...init, body: JSON.stringify(body) } : init);
    }) as typeof fetch;
    r = await syncOnce(db, oldClient);
    expect(r).toMatchObject({ ok: false, error: { kind: 'outdated' } });
    expect(r.error!.message).toContain('update the extension');
    expect(await readStatus(db, false)).toMatchObject({ pending: 2, lastError: { kind: 'outdated' } });
    expect(await db.outbox.count()).toBe(2);

    server.failNext({ kind: 'status', status: 500, code: 'internal' });
    r = await syncOnce(db, server.fetch);
    expect(r).toMatchObject({ ok: false, error: { kind: 'server' } });
    expect(await db.outbox.count()).toBe(2);

    server.failNext({ kind: 'drop-before' });
    r = await syncOnce(db, server.fetch);
    expect(r).toMatchObject({ ok: false, error: { kind: 'offline' } });

    r = await syncOnce(db, server.fetch);
    expect(r).toMatchObject({ ok: true, pushed: 2 });
    expect(await readStatus(db, false)).toMatchObject({ pending: 0, lastError: null, signedIn: true });
    expect(server.snapshot().size).toBe(2);
  });

  it('a 400 naming one mutation parks it in refused with the server message; the others still reach the server', async () => {
    await writeTeams(4);
    const ids = await mutationIds();
    server.refuseMutation(ids[1]!, ['name: the council already has a team of that name']);
    const res = await push();
    expect(res.pushed).toBe(3);
    expect(await db.outbox.count()).toBe(0);
    const refused = await db.refused.toArray();
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ code: 'invalid_mutations', message: 'name: the council already has a team of that name', mutation: { id: ids[1] } });
    expect(server.applyCount(ids[1]!)).toBe(0);
    expectAppliedOnce([ids[0]!, ids[2]!, ids[3]!]);
    // Renumbered without a hole: the server saw 1..3.
    expect(server.lastSeq(await clientId(db))).toBe(3);
    expect((await readStatus(db, false)).refused).toBe(1);
  });

  it('a 403 naming one mutation parks it with the reason', async () => {
    await writeTeams(2);
    const ids = await mutationIds();
    server.forbidMutation(ids[0]!, 'a manager may not create teams');
    await push();
    expect(await db.refused.toArray()).toMatchObject([{ code: 'forbidden', message: 'a manager may not create teams' }]);
    expectAppliedOnce([ids[1]!]);
  });

  // Issue 11: it used to throw and keep the entry, so a deterministic 400 blocked the outbox for ever.
  it('a 400 that names nothing in the batch: the lone change is parked with the server message (push-isolation.test.ts has more)', async () => {
    await writeTeams(1);
    server.failNext({ kind: 'status', status: 400, code: 'invalid_mutations', message: 'bad', details: [{ id: 'someone-else' }] });
    await push();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.refused.toArray()).toMatchObject([{ code: 'invalid_mutations', message: 'bad' }]);
  });

  it('a refused mutation after an unacknowledged replay: the replayed ones keep their place', async () => {
    await writeTeams(2);
    server.failNext({ kind: 'drop-after' }, 'push');
    await expect(push()).rejects.toBeInstanceOf(NetworkError);
    await writeTeams(2);
    const ids = await mutationIds();
    server.refuseMutation(ids[2]!);
    await push();
    expect(await db.outbox.count()).toBe(0);
    expectAppliedOnce([ids[0]!, ids[1]!, ids[3]!]);
    expect(server.applyCount(ids[2]!)).toBe(0);
  });

  it(`more than PUSH_BATCH (${PUSH_BATCH}) entries go in batches, in order`, async () => {
    const n = PUSH_BATCH + 37;
    const id = newId();
    await upsertRecord('teams', id, teamFields(), db);
    for (let i = 1; i < n; i++) await upsertRecord('teams', id, { area: `Area ${i}` }, db);
    const ids = await mutationIds();
    const res = await push();
    expect(res.pushed).toBe(n);
    const pushes = server.pushes();
    expect(pushes.map((p) => p.mutations.length)).toEqual([PUSH_BATCH, n - PUSH_BATCH]);
    expect(pushes.flatMap((p) => p.mutations.map((m) => m.id))).toEqual(ids);
    expect(pushes.flatMap((p) => p.mutations.map((m) => m.seq))).toEqual(ids.map((_, i) => i + 1));
    expect(server.record('teams', id)).toMatchObject({ area: `Area ${n - 1}` });
  });

  it('uses the session user token: the fake server refuses an unknown one with 401', async () => {
    await writeTeams(1);
    await expect(pushOutbox(db, { serverUrl: server.baseUrl, token: 'nope' }, server.fetch)).rejects.toMatchObject({ status: 401, code: 'invalid_token' });
    expect(await db.outbox.count()).toBe(1);
    expect(DEFAULT_USER.token).toBe('token-alice-0001');
  });

  it('two pushes at once (two extension contexts) send the same seqs and ids; the server applies each once', async () => {
    await writeTeams(3);
    const ids = await mutationIds();
    const results = await Promise.allSettled([push(), push()]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await db.outbox.count()).toBe(0);
    expectAppliedOnce(ids);
    for (const p of server.pushes()) expect(p.mutations.map((m) => m.id)).toEqual(ids.slice(0, p.mutations.length));
  });

  it('syncOnce runs one sync at a time in a context', async () => {
    await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch);
    await writeTeams(2);
    const first = syncOnce(db, server.fetch);
    const second = syncOnce(db, server.fetch);
    expect(second).toBe(first);
    expect(await first).toMatchObject({ ok: true, pushed: 2, pulled: 2 });
    expect(server.pushes()).toHaveLength(1);
    const third = syncOnce(db, server.fetch);
    expect(third).not.toBe(first);
    expect(await third).toMatchObject({ ok: true, pushed: 0, pulled: 0 });
  });
});
