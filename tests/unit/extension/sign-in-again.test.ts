import { freshDb, newId, teamFields } from './helpers';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ShortlistDb } from '@/db/database';
import { clientId, META, readMeta } from '@/db/meta';
import { upsertRecord } from '@/db/writes';
import { signIn } from '@/sync/account';
import { syncOnce } from '@/sync/engine';
import { runSync } from '@/sync/scheduler';
import { getSession } from '@/sync/session';
import { readStatus } from '@/sync/status';
import { DEFAULT_USER, FakeServer, type FakeUser } from './fake-server';

const BOB: FakeUser = { ...DEFAULT_USER, token: 'token-bob-00000002', userId: 'user-bob', name: 'Bob Manager', email: 'bob@council.example', role: 'manager' };
const ALICE_NEW_TOKEN: FakeUser = { ...DEFAULT_USER, token: 'token-alice-renewed' };

let db: ShortlistDb;
let server: FakeServer;

beforeEach(() => {
  fakeBrowser.reset();
  db = freshDb('sign-in-again');
  server = new FakeServer([DEFAULT_USER, BOB]);
  // runSync (the scheduler) calls the global fetch, as the background does.
  vi.stubGlobal('fetch', server.fetch);
});
afterEach(() => vi.unstubAllGlobals());

const someData = async () => {
  const id = newId();
  await upsertRecord('teams', id, teamFields(), db);
  return id;
};

describe('a token the server stops accepting', () => {
  it('401: the outbox stays, the status says sign in again; a new token of the same account sends it all', async () => {
    await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch);
    const id = await someData();
    const client = await clientId(db);
    server.failNext({ kind: 'status', status: 401, code: 'token_revoked', message: 'This token was revoked' }, 'push');
    expect((await syncOnce(db, server.fetch)).error).toMatchObject({ kind: 'auth', message: expect.stringContaining('Sign in again') });
    expect(await readStatus(db, false)).toMatchObject({ signedIn: true, pending: 1, lastError: { kind: 'auth' }, tokenExpiresAt: expect.any(String) });

    server.addUser(ALICE_NEW_TOKEN);
    expect(await signIn(db, server.baseUrl, ALICE_NEW_TOKEN.token, server.fetch)).toMatchObject({ ok: true });
    expect(await readStatus(db, false)).toMatchObject({ pending: 1, lastError: null });
    expect(await clientId(db)).toBe(client);
    expect((await getSession())!.token).toBe(ALICE_NEW_TOKEN.token);
    expect(await syncOnce(db, server.fetch)).toMatchObject({ ok: true, pushed: 1 });
    expect(server.record('teams', id)).not.toBeNull();
  });

  it('automatic syncs stop knocking with a refused token; "Sync now" still tries', async () => {
    await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch);
    await someData();
    server.failNext({ kind: 'status', status: 401, code: 'token_expired', message: 'This token has expired' }, 'push');
    expect((await runSync()).error).toMatchObject({ kind: 'auth' });
    const before = server.requests.length;
    expect((await runSync()).error).toMatchObject({ kind: 'auth' });
    expect(server.requests.length).toBe(before);
    expect(await runSync(true)).toMatchObject({ ok: true, pushed: 1 });
    expect(await readMeta(db, META.lastError, 'unset')).toBeNull();
  });
});

describe('signing in as someone else', () => {
  it('with the previous account\'s unsynced changes asks first and deletes nothing until forced', async () => {
    await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch);
    const id = await someData();
    const refused = await signIn(db, server.baseUrl, BOB.token, server.fetch);
    expect(refused).toMatchObject({ ok: false, pending: 1, previous: 'Alice Coordinator (Exampleshire County Council)', error: expect.stringContaining('would delete them') });
    expect(await db.teams.get(id)).toBeDefined();
    expect((await getSession())!.me.user.id).toBe('user-alice');
    expect(await signIn(db, server.baseUrl, BOB.token, server.fetch, true)).toMatchObject({ ok: true });
    expect(await db.teams.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect((await getSession())!.me.user.id).toBe('user-bob');
  });

  it('with everything synced needs no confirmation', async () => {
    await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch);
    await someData();
    await syncOnce(db, server.fetch);
    expect(await signIn(db, server.baseUrl, BOB.token, server.fetch)).toMatchObject({ ok: true });
    expect(await db.teams.count()).toBe(0);
  });
});
