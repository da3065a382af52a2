import { freshDb, newId, teamFields } from './helpers';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ShortlistDb } from '@/db/database';
import { clientId, META, readMeta } from '@/db/meta';
import { upsertRecord } from '@/db/writes';
import { signIn, signOut } from '@/sync/account';
import { syncOnce } from '@/sync/engine';
import { pullChanges } from '@/sync/pull';
import { pushOutbox } from '@/sync/push';
import { serverUrlItem } from '@/sync/server';
import { getSession } from '@/sync/session';
import { readStatus } from '@/sync/status';
import { DEFAULT_USER, FakeServer, type FakeUser } from './fake-server';

const BOB: FakeUser = { ...DEFAULT_USER, token: 'token-bob-00000002', userId: 'user-bob', name: 'Bob Manager', email: 'bob@council.example', role: 'manager' };
const ALICE_ELSEWHERE: FakeUser = { ...DEFAULT_USER, token: 'token-alice-other-org', orgId: 'org-2', orgName: 'Otherborough Council' };

let db: ShortlistDb;
let server: FakeServer;

beforeEach(() => {
  fakeBrowser.reset();
  db = freshDb('account');
  server = new FakeServer([DEFAULT_USER, BOB, ALICE_ELSEWHERE]);
});

async function someData(): Promise<string> {
  const id = newId();
  await upsertRecord('teams', id, teamFields(), db);
  return id;
}

async function everything(): Promise<number> {
  let n = 0;
  for (const t of db.tables) n += await t.count();
  return n;
}

describe('sign-in', () => {
  it('checks the token with /v1/me and keeps the session; a bad token changes nothing', async () => {
    const r = await signIn(db, `${server.baseUrl}///`, `  ${DEFAULT_USER.token} `, server.fetch);
    expect(r).toMatchObject({ ok: true, session: { serverUrl: server.baseUrl, token: DEFAULT_USER.token, me: { user: { id: 'user-alice' }, organisation: { id: 'org-1' } } } });
    expect(await serverUrlItem.getValue()).toBe(server.baseUrl);
    const id = await someData();
    const bad = await signIn(db, server.baseUrl, 'token-unknown-xyz', server.fetch);
    expect(bad).toMatchObject({ ok: false, error: 'This token is not recognised' });
    expect((await getSession())!.me.user.id).toBe('user-alice');
    expect(await db.teams.get(id)).toBeDefined();
    server.failNext({ kind: 'drop-before' }, 'me');
    expect(await signIn(db, server.baseUrl, BOB.token, server.fetch)).toMatchObject({ ok: false, error: expect.stringContaining('Cannot reach') });
    expect(await db.teams.get(id)).toBeDefined();
  });

  it('signing in again as the same user keeps the local data and the client id', async () => {
    await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch);
    const id = await someData();
    const client = await clientId(db);
    await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch);
    expect(await db.teams.get(id)).toBeDefined();
    expect(await db.outbox.count()).toBe(1);
    expect(await clientId(db)).toBe(client);
  });

  it.each([
    ['a different user', BOB, undefined],
    ['the same user in another organisation', ALICE_ELSEWHERE, undefined],
    ['the same user on another server', DEFAULT_USER, 'https://other-sync.test'],
  ])('signing in as %s wipes the local data, outbox and sync state (unsynced changes only when confirmed)', async (_label, user, otherUrl) => {
    await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch);
    await someData();
    await syncOnce(db, server.fetch);
    await someData();
    const client = await clientId(db);
    expect(await readMeta(db, META.cursor, 0)).toBeGreaterThan(0);
    const fetchImpl = otherUrl ? ((input: RequestInfo | URL, init?: RequestInit) => server.fetch(String(input).replace(otherUrl, server.baseUrl), init)) as typeof fetch : server.fetch;
    expect(await signIn(db, otherUrl ?? server.baseUrl, user.token, fetchImpl)).toMatchObject({ ok: false, pending: 1 });
    expect(await db.teams.count()).toBe(2);
    expect(await signIn(db, otherUrl ?? server.baseUrl, user.token, fetchImpl, true)).toMatchObject({ ok: true });
    expect(await db.teams.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await readMeta(db, META.cursor, 0)).toBe(0);
    expect(await clientId(db)).not.toBe(client);
    expect((await getSession())!.me.user.id).toBe(user.userId);
  });
});

describe('sign-out', () => {
  it('with pending changes needs force, and keeps everything until then', async () => {
    await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch);
    const id = await someData();
    await someData();
    expect(await signOut(db, false)).toEqual({ ok: false, pending: 2 });
    expect(await db.teams.get(id)).toBeDefined();
    expect(await getSession()).not.toBeNull();
    expect(await signOut(db, true)).toMatchObject({ ok: true });
    expect(await everything()).toBe(0);
    expect(await getSession()).toBeNull();
    expect(await readStatus(db, false)).toMatchObject({ signedIn: false, pending: 0 });
    expect((await syncOnce(db, server.fetch)).error).toMatchObject({ kind: 'signed-out' });
  });

  it('after a full sync needs no force and wipes records, outbox, refused, conflicts and meta', async () => {
    await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch);
    await someData();
    expect(await syncOnce(db, server.fetch)).toMatchObject({ ok: true, pushed: 1, pulled: 1 });
    await db.refused.add({ mutation: { id: newId(), table: 'teams', op: 'delete', recordId: newId(), hlc: '1767225600000:000000:x' }, code: 'forbidden', message: 'no', refusedAt: '2026-03-02T10:00:00Z' });
    expect(await signOut(db, false)).toMatchObject({ ok: true });
    expect(await everything()).toBe(0);
    // Signing back in starts from the server: the data comes back by pull.
    await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch);
    expect(await syncOnce(db, server.fetch)).toMatchObject({ ok: true, pushed: 0, pulled: 1 });
    expect(await db.teams.count()).toBe(1);
    expect(server.snapshot().size).toBe(1);
  });

  it('signing out while a pull is under way: nothing of the old account lands in the emptied database', async () => {
    const colleague = freshDb('account-colleague');
    for (let i = 0; i < 6; i++) await upsertRecord('teams', newId(), teamFields({ name: `Team ${i}` }), colleague);
    // A colleague's browser (a coordinator's: managers may not create teams).
    await pushOutbox(colleague, { serverUrl: server.baseUrl, token: DEFAULT_USER.token }, server.fetch);
    await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch);
    let pulls = 0;
    let reached!: () => void;
    const atSecondPage = new Promise<void>((r) => (reached = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slowFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).includes('/v1/sync/pull') && ++pulls === 2) {
        reached();
        await gate;
      }
      return server.fetch(input, init);
    }) as typeof fetch;
    const pulling = pullChanges(db, { serverUrl: server.baseUrl, token: DEFAULT_USER.token }, slowFetch, 2).catch((e: unknown) => e);
    await atSecondPage;
    expect(await db.teams.count()).toBe(2);
    expect(await signOut(db, false)).toMatchObject({ ok: true });
    release();
    await pulling;
    expect(await db.teams.count()).toBe(0);
    expect(await readMeta(db, META.cursor, 0)).toBe(0);
  });

  it('signing out and in as another account while a push is under way: the new account\'s changes do not go to the old one', async () => {
    await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch);
    await someData();
    let reached!: () => void;
    const inFlight = new Promise<void>((r) => (reached = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let pushes = 0;
    const slowFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).includes('/v1/sync/push') && ++pushes === 1) {
        const res = await server.fetch(input, init);
        reached();
        await gate;
        return res;
      }
      return server.fetch(input, init);
    }) as typeof fetch;
    const pushing = pushOutbox(db, { serverUrl: server.baseUrl, token: DEFAULT_USER.token }, slowFetch).catch((e: unknown) => e);
    await inFlight;
    expect(await signOut(db, true)).toMatchObject({ ok: true }); // its change is on the server, unacknowledged
    expect(await signIn(db, server.baseUrl, ALICE_ELSEWHERE.token, server.fetch)).toMatchObject({ ok: true });
    const theirs = await someData();
    release();
    await pushing;
    expect(server.record('teams', theirs, 'org-1')).toBeNull();
    expect(await db.outbox.count()).toBe(1);
    expect(await db.teams.get(theirs)).toBeDefined();
    // The new account's own sync sends it where it belongs.
    await pushOutbox(db, { serverUrl: server.baseUrl, token: ALICE_ELSEWHERE.token }, server.fetch);
    expect(server.record('teams', theirs, 'org-2')).not.toBeNull();
    expect(server.record('teams', theirs, 'org-1')).toBeNull();
  });
});
