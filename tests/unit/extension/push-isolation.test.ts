import { freshDb, newId, outbox, resetBrowserAndServer, teamFields } from './helpers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ShortlistDb } from '@/db/database';
import { upsertRecord } from '@/db/writes';
import { ApiError } from '@/sync/api';
import { pushOutbox, PUSH_BATCH } from '@/sync/push';
import { FakeServer } from './fake-server';

/**
 * Issue 11, "retry forever": a push refused as a whole (413, a 400 naming no mutation, a server
 * error that keeps coming back) must not hold the outbox up for good.
 */

let db: ShortlistDb;
let server: FakeServer;

beforeEach(() => {
  server = resetBrowserAndServer();
  db = freshDb('push-isolation');
});

async function writeTeams(n: number): Promise<string[]> {
  for (let i = 0; i < n; i++) await upsertRecord('teams', newId(), teamFields({ name: `Team ${i}` }), db);
  return (await outbox(db)).map((e) => e.mutation.id);
}

const errorReply = (status: number, code: string, message: string) =>
  new Response(JSON.stringify({ error: { code, message } }), { status, headers: { 'content-type': 'application/json' } });

const pushedIds = (init?: RequestInit): string[] =>
  typeof init?.body === 'string' ? (JSON.parse(init.body) as { mutations: { id: string }[] }).mutations.map((m) => m.id) : [];

/** The fake server behind a gate that answers pushes itself when `answer` says so. */
function gated(answer: (ids: string[], url: string) => Response | null): { fetch: typeof fetch; pushSizes: number[] } {
  const pushSizes: number[] = [];
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/v1/sync/push')) {
      const ids = pushedIds(init);
      pushSizes.push(ids.length);
      const reply = answer(ids, url);
      if (reply) return reply;
    } else {
      const reply = answer([], url);
      if (reply) return reply;
    }
    return server.fetch(input, init);
  }) as typeof fetch;
  return { fetch: f, pushSizes };
}

const endpoint = () => ({ serverUrl: server.baseUrl, token: 'token-alice-0001' });

describe('a push refused as a whole', () => {
  it('413: the batch is split until it fits, and everything arrives once, in order', async () => {
    const ids = await writeTeams(PUSH_BATCH + 40);
    const gate = gated((sent) => (sent.length > 60 ? errorReply(413, 'payload_too_large', 'The request body is larger than 2 MB') : null));
    const res = await pushOutbox(db, endpoint(), gate.fetch);
    expect(res.pushed).toBe(ids.length);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.refused.count()).toBe(0);
    for (const id of ids) expect(server.applyCount(id)).toBe(1);
    expect(server.pushes().flatMap((p) => p.mutations.map((m) => m.id))).toEqual(ids);
    expect(Math.max(...server.pushes().map((p) => p.mutations.length))).toBeLessThanOrEqual(60);
  });

  it('413 for one change alone: it is parked with the server message, the rest goes through', async () => {
    const ids = await writeTeams(5);
    const huge = ids[2]!;
    const gate = gated((sent) => (sent.includes(huge) ? errorReply(413, 'payload_too_large', 'The request body is larger than 2 MB') : null));
    await pushOutbox(db, endpoint(), gate.fetch);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.refused.toArray()).toMatchObject([{ code: 'payload_too_large', message: expect.stringContaining('larger than the server accepts'), mutation: { id: huge } }]);
    for (const id of ids.filter((i) => i !== huge)) expect(server.applyCount(id)).toBe(1);
    expect(server.applyCount(huge)).toBe(0);
  });

  it('a 400 that names no mutation: the change at fault is found by halving, parked with the message, and undone here', async () => {
    const ids = await writeTeams(37);
    const bad = ids[23]!;
    const gate = gated((sent) => (sent.includes(bad) ? errorReply(400, 'invalid_request', 'The request body is not valid: mutations.23.fields.name: too long') : null));
    const res = await pushOutbox(db, endpoint(), gate.fetch);
    expect(res.pushed).toBe(36);
    expect(await db.outbox.count()).toBe(0);
    const refused = await db.refused.toArray();
    expect(refused).toMatchObject([{ code: 'invalid_request', message: 'The request body is not valid: mutations.23.fields.name: too long', mutation: { id: bad } }]);
    // Undone here: the team it created is gone, like any refused creation.
    expect(await db.teams.get(refused[0]!.mutation.recordId)).toBeUndefined();
    for (const id of ids.filter((i) => i !== bad)) expect(server.applyCount(id)).toBe(1);
    // Halving, not one request per change.
    expect(gate.pushSizes.length).toBeLessThan(20);
  });

  it('a change the server fails on (5xx) every time, while it answers everything else: parked after repeated tries', async () => {
    const ids = await writeTeams(12);
    const poison = ids[4]!;
    const gate = gated((sent) => (sent.includes(poison) ? errorReply(500, 'internal_error', 'Something went wrong on the server') : null));
    // The first server error backs off (it may be passing)...
    await expect(pushOutbox(db, endpoint(), gate.fetch)).rejects.toBeInstanceOf(ApiError);
    expect(await db.refused.count()).toBe(0);
    // ...the next sync traces it to one change and parks it.
    const res = await pushOutbox(db, endpoint(), gate.fetch);
    expect(res.pushed).toBe(11);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.refused.toArray()).toMatchObject([{ code: 'internal_error', mutation: { id: poison }, message: expect.stringMatching(/failed on this change 3 times/) }]);
    for (const id of ids.filter((i) => i !== poison)) expect(server.applyCount(id)).toBe(1);
  });

  it('a server that fails everything (down, or its database is) parks nothing, however often it is tried', async () => {
    const ids = await writeTeams(6);
    const gate = gated(() => errorReply(503, 'busy', 'The database is busy'));
    for (let i = 0; i < 10; i++) await expect(pushOutbox(db, endpoint(), gate.fetch)).rejects.toBeInstanceOf(ApiError);
    expect(await db.refused.count()).toBe(0);
    expect((await outbox(db)).map((e) => e.mutation.id)).toEqual(ids);
    // Back up: everything goes, once.
    await pushOutbox(db, endpoint(), server.fetch);
    for (const id of ids) expect(server.applyCount(id)).toBe(1);
  });

  it('a one-off server error backs off and keeps everything; the next push sends it all', async () => {
    const ids = await writeTeams(3);
    server.failNext({ kind: 'status', status: 500, code: 'internal_error' }, 'push');
    await expect(pushOutbox(db, endpoint(), server.fetch)).rejects.toBeInstanceOf(ApiError);
    expect(await db.outbox.count()).toBe(3);
    const res = await pushOutbox(db, endpoint(), server.fetch);
    expect(res.pushed).toBe(3);
    expect(await db.refused.count()).toBe(0);
    for (const id of ids) expect(server.applyCount(id)).toBe(1);
  });

  it('a refusal of the whole request that is not about any change (every push refused) parks at most a few, then stops', async () => {
    await writeTeams(8);
    const gate = gated((sent) => (sent.length ? errorReply(400, 'invalid_request', 'clientId: must be a UUID') : null));
    await expect(pushOutbox(db, endpoint(), gate.fetch)).rejects.toBeInstanceOf(ApiError);
    expect(await db.refused.count()).toBeLessThanOrEqual(3);
    expect(await db.outbox.count()).toBeGreaterThanOrEqual(5);
  });
});
