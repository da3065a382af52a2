import { freshDb, newId, resetBrowserAndServer, teamFields } from './helpers';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { ShortlistDb, setDb } from '@/db/database';
import { upsertRecord } from '@/db/writes';
import { signIn, signOut } from '@/sync/account';
import { callApi } from '@/sync/api';
import { getSession, sessionItem, type Session } from '@/sync/session';
import { serverUrlProblem } from '@/sync/secure-url';
import { DEFAULT_USER, FakeServer } from './fake-server';

/** Issue 11, the token: out of storage.local (content scripts read it), still there after a restart, revoked at sign-out, https only. */

let db: ShortlistDb;
let server: FakeServer;

beforeEach(() => {
  server = resetBrowserAndServer();
  db = freshDb('token');
});

/** Everything a content script could read with chrome.storage.local.get(). */
async function contentScriptReadable(): Promise<string> {
  return JSON.stringify(await fakeBrowser.storage.local.get(null));
}

describe('where the token is kept', () => {
  it('after sign-in the token is nowhere in storage.local, and the session is', async () => {
    expect(await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch)).toMatchObject({ ok: true });
    expect(await contentScriptReadable()).not.toContain(DEFAULT_USER.token);
    expect((await getSession())!.token).toBe(DEFAULT_USER.token);
  });

  it('still signed in after a browser restart: the database is opened again, nothing in memory survives', async () => {
    const name = db.name;
    await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch);
    db.close();
    const reopened = new ShortlistDb(name);
    setDb(reopened);
    expect((await getSession())?.me.user.id).toBe(DEFAULT_USER.userId);
  });

  it('a session kept in storage.local by an older release moves into the database and leaves storage.local', async () => {
    const legacy: Session = {
      serverUrl: server.baseUrl,
      token: DEFAULT_USER.token,
      me: { user: { id: DEFAULT_USER.userId, name: 'Alice', email: 'a@x', role: 'coordinator' }, organisation: { id: 'org-1', name: 'Org' }, settings: {} as never, tokenExpiresAt: '2099-01-01T00:00:00Z' },
      signedInAt: '2026-11-01T09:00:00.000Z',
    };
    await fakeBrowser.storage.local.set({ session: legacy });
    expect(await getSession()).toEqual(legacy);
    expect(await contentScriptReadable()).not.toContain(DEFAULT_USER.token);
    expect((await db.meta.get('session'))?.value).toEqual(legacy);
    // Read again: from the database now.
    expect(await getSession()).toEqual(legacy);
  });

  it('watchers see sign-in and sign-out', async () => {
    const seen: Array<string | null> = [];
    const stop = sessionItem.watch((s) => seen.push(s?.me.user.id ?? null));
    await new Promise((r) => setTimeout(r, 20));
    await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch);
    await new Promise((r) => setTimeout(r, 20));
    await signOut(db, true, server.fetch);
    await new Promise((r) => setTimeout(r, 20));
    stop();
    expect(seen[0]).toBeNull();
    expect(seen).toContain(DEFAULT_USER.userId);
    expect(seen.at(-1)).toBeNull();
  });
});

describe('sign-out revokes the token on the server', () => {
  /** The fake server with POST /v1/me/sign-out in front (it answers 404 for it). */
  function withSignOut(answer: 'ok' | 'offline' | 401) {
    const calls: string[] = [];
    const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('/v1/me/sign-out')) {
        calls.push(new Headers(init?.headers).get('authorization') ?? '');
        if (answer === 'offline') throw new TypeError('fetch failed');
        if (answer === 401) return new Response(JSON.stringify({ error: { code: 'token_revoked', message: 'revoked' } }), { status: 401 });
        return new Response(JSON.stringify({ signedOut: true, revokedAt: new Date().toISOString() }), { status: 200 });
      }
      return server.fetch(input, init);
    }) as typeof fetch;
    return { fetch: f, calls };
  }

  it('sends POST /v1/me/sign-out with the token, then empties this browser', async () => {
    await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch);
    const s = withSignOut('ok');
    expect(await signOut(db, false, s.fetch)).toEqual({ ok: true, revoked: true });
    expect(s.calls).toEqual([`Bearer ${DEFAULT_USER.token}`]);
    expect(await getSession()).toBeNull();
  });

  it('offline: signed out here all the same, and told the token could not be revoked', async () => {
    await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch);
    await upsertRecord('teams', newId(), teamFields(), db);
    const s = withSignOut('offline');
    expect(await signOut(db, true, s.fetch)).toEqual({ ok: true, revoked: false, message: expect.stringMatching(/ask your admin to revoke the token/) });
    expect(await getSession()).toBeNull();
    expect(await db.teams.count()).toBe(0);
  });

  it('a token the server already refuses (401) counts as revoked', async () => {
    await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch);
    expect(await signOut(db, false, withSignOut(401).fetch)).toEqual({ ok: true, revoked: true });
  });
});

/** A fetch that answers `{}` to everything and records where it was asked to send. */
function fetchRecorder() {
  const sent: string[] = [];
  const spy = (async (input: RequestInfo | URL) => {
    sent.push(String(input));
    return new Response('{}');
  }) as typeof fetch;
  return { sent, spy };
}

describe('https only, except this computer', () => {
  it('accepts https anywhere and http on loopback only', () => {
    for (const ok of ['https://shortlist.herefordshire.gov.uk', 'http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787', 'http://127.0.0.2:9000', 'https://10.0.0.5'])
      expect(serverUrlProblem(ok), ok).toBeNull();
    for (const bad of ['http://shortlist.herefordshire.gov.uk', 'http://10.0.0.5:8787', 'http://127.0.0.1.evil.example', 'ftp://x.example', 'not a url', 'http://localhost.evil.example'])
      expect(serverUrlProblem(bad), bad).toMatch(/https|web address/);
  });

  it('sign-in refuses a plain http server before sending the token anywhere', async () => {
    const { sent, spy } = fetchRecorder();
    expect(await signIn(db, 'http://shortlist.example.gov.uk', DEFAULT_USER.token, spy)).toEqual({ ok: false, error: expect.stringMatching(/must start with https:\/\//) });
    expect(sent).toEqual([]);
  });

  it('the background never sends the token to a plain http server, whatever the stored session says', async () => {
    const { sent, spy } = fetchRecorder();
    await expect(callApi({ serverUrl: 'http://sync.example.org', token: 't' }, '/v1/me', {}, spy)).rejects.toMatchObject({ code: 'insecure_server_url' });
    expect(sent).toEqual([]);
  });
});
