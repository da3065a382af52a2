import '#shared/schema/english';
import { freshDb, newId, teamFields } from './helpers';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { Browser } from '#imports';
import type { ShortlistDb } from '@/db/database';
import { ValidationError } from '@/db/writes';
import { registerCoreHandlers } from '@/messages/core-handlers';
import { PROTOCOL, type Reply, type RequestInput } from '@/messages/protocol';
import { pageFactsSchema } from '@/messages/overlay';
import { askHere } from '@/messages/page-requests';
import { send } from '@/messages/send';
import type { FrameView } from '@/overlay/views';
import { clearHandlers, dispatch, handledTypes, registerHandlers } from '@/messages/router';
import { registerOverlayHandlers } from '@/overlay/background/handlers';

type Sender = Browser.runtime.MessageSender;
const own = { id: 'shortlist-extension-id', origin: 'chrome-extension://shortlist-extension-id/' };
const popup: Sender = { id: own.id, url: `${own.origin}popup.html` };
const contentScript: Sender = { id: own.id, url: 'https://jobs.communitycare.co.uk/job/123', tab: { id: 7 } as Sender['tab'], frameId: 0 };
/** The overlay's own page, framed in a web page's tab. */
const overlayFrame: Sender = { id: own.id, url: `${own.origin}overlay.html#0123456789abcdef0123456789abcdef`, tab: { id: 7, url: 'https://jobs.communitycare.co.uk/job/123' } as Sender['tab'], frameId: 3 };
const otherExtension: Sender = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' };
/** A web page (externally_connectable): the browser gives it no extension id. */
const webPage: Sender = { url: 'https://evil.example/' };

let db: ShortlistDb;
beforeEach(() => {
  fakeBrowser.reset();
  clearHandlers();
  db = freshDb('messages');
});

describe('dispatch', () => {
  // The mechanics, with stand-in handlers for real messages of the protocol.
  it('answers our own pages with the handler result, validated and parsed', async () => {
    const seen: unknown[] = [];
    registerHandlers<'localChange' | 'redeemInvitationLink'>({
      localChange: (r) => (seen.push(r), true),
      redeemInvitationLink: (r) => (seen.push(r), { signedIn: false, pending: 1, previous: 'Bob', message: 'wait' }),
    });
    expect(await dispatch({ type: 'localChange', extra: 'dropped' }, popup, own)).toEqual({ ok: true, data: true });
    expect(await dispatch({ type: 'redeemInvitationLink' }, popup, own)).toEqual({ ok: true, data: { signedIn: false, pending: 1, previous: 'Bob', message: 'wait' } });
    // The handler sees the parsed request: unknown keys dropped, defaults filled in.
    expect(seen).toEqual([{ type: 'localChange' }, { type: 'redeemInvitationLink', force: false }]);
  });

  it('refuses other extensions and web pages, whatever the request', async () => {
    let called = 0;
    registerHandlers<'getStatus'>({ getStatus: () => (++called, null as never) });
    for (const sender of [otherExtension, webPage]) {
      const reply = await dispatch({ type: 'getStatus' }, sender, own);
      expect(reply).toMatchObject({ ok: false, error: 'Messages from other extensions are not accepted' });
    }
    expect(called).toBe(0);
  });

  it('refuses content-script senders for page-only requests, accepts them where allowed', async () => {
    let called = 0;
    registerHandlers<'syncNow' | 'getStatus'>({ syncNow: () => (++called, null as never), getStatus: () => (++called, null as never) });
    expect(await dispatch({ type: 'syncNow' }, contentScript, own)).toMatchObject({ ok: false, error: expect.stringContaining('only be asked by Shortlist') });
    expect(called).toBe(0);
    // The sync status is for our pages and the overlay frame, not for the page reader.
    expect(await dispatch({ type: 'getStatus' }, contentScript, own)).toMatchObject({ ok: false, error: expect.stringContaining('only be asked by Shortlist') });
    expect(await dispatch({ type: 'getStatus' }, overlayFrame, own)).toEqual({ ok: true, data: null });
    expect(await dispatch({ type: 'syncNow' }, overlayFrame, own)).toMatchObject({ ok: false });
    expect(await dispatch({ type: 'syncNow' }, popup, own)).toEqual({ ok: true, data: null });
    // A content script of ours in a page whose URL merely looks like ours is still a content script.
    const lookalike: Sender = { ...contentScript, url: 'https://chrome-extension.example/shortlist-extension-id/' };
    expect(await dispatch({ type: 'syncNow' }, lookalike, own)).toMatchObject({ ok: false });
    // Neither our page nor a tab: not a content script either.
    const tabless: Sender = { id: own.id, url: 'https://jobs.communitycare.co.uk/job/123' };
    registerHandlers<'overlay:profiles'>({ 'overlay:profiles': () => (++called, []) });
    expect(await dispatch({ type: 'overlay:profiles' }, tabless, own)).toMatchObject({ ok: false, error: expect.stringContaining('neither a Shortlist page nor a tab') });
    expect(called).toBe(2);
  });

  it('validates with the protocol’s zod schema: malformed requests get issues, and the handler never runs', async () => {
    let called = 0;
    registerHandlers<'overlay:view' | 'redeemInvitationLink'>({ 'overlay:view': () => (++called, null as never), redeemInvitationLink: () => (++called, null as never) });
    const reply = await dispatch({ type: 'overlay:view', session: 'four' }, overlayFrame, own);
    expect(reply).toMatchObject({ ok: false, error: 'Malformed "overlay:view" request' });
    expect(reply.ok === false && reply.issues).toEqual([expect.stringMatching(/^session: /)]);
    expect(await dispatch({ type: 'overlay:view', session: 1.5 }, overlayFrame, own)).toMatchObject({ ok: false, issues: [expect.stringMatching(/^session: /)] });
    expect(await dispatch({ type: 'redeemInvitationLink', force: 'yes' }, popup, own)).toMatchObject({ ok: false, issues: [expect.stringMatching(/^force: /)] });
    expect(called).toBe(0);
    for (const junk of [null, undefined, 42, 'overlay:view', [], { type: 7 }, { type: 'nope' }, { type: 'toString' }, { type: 'teach:start' }, { type: 'signIn' }, { type: 'discardRefused', localId: 1 }]) {
      expect(await dispatch(junk, popup, own)).toMatchObject({ ok: false, error: expect.any(String) });
    }
  });

  it('returns handler errors as { ok: false, error } and never throws', async () => {
    // A session id per way of failing.
    const ways = ['error', 'validation', 'string', 'null', 'undefined'];
    const session = (way: string) => String(ways.indexOf(way) + 1).repeat(32);
    registerHandlers<'overlay:view'>({
      'overlay:view': async (r) => {
        const way = ways[Number(r.session[0]) - 1];
        if (way === 'error') throw new Error('the database is closed');
        if (way === 'validation') throw new ValidationError(['name: must not be empty']);
        if (way === 'string') throw 'plain string';
        if (way === 'null') throw null;
        throw undefined;
      },
    });
    const ask = (way: string) => dispatch({ type: 'overlay:view', session: session(way) }, overlayFrame, own);
    expect(await ask('error')).toEqual({ ok: false, error: 'the database is closed' });
    expect(await ask('validation')).toEqual({
      ok: false,
      error: 'Not saved: name: must not be empty',
      issues: ['name: must not be empty'],
    });
    expect(await ask('string')).toEqual({ ok: false, error: 'plain string' });
    await expect(ask('null')).resolves.toMatchObject({ ok: false, error: expect.any(String) });
    await expect(ask('undefined')).resolves.toMatchObject({ ok: false, error: expect.any(String) });
  });
});

describe('the protocol', () => {
  it('types requests and replies of send() (checked by npm run typecheck)', () => {
    expectTypeOf(send<'overlay:view'>).returns.resolves.toEqualTypeOf<Reply<FrameView>>();
    expectTypeOf<RequestInput<'redeemInvitationLink'>>().toEqualTypeOf<{ type: 'redeemInvitationLink'; force?: boolean | undefined }>();
    const neverRun = () => {
      // @ts-expect-error: not a message of the protocol
      void send({ type: 'nope' });
      // @ts-expect-error: overlay:view needs its session
      void send({ type: 'overlay:view' });
      // @ts-expect-error: pages write records themselves (db/writes.ts), not by message
      void send({ type: 'upsert', table: 'teams', id: 'x', fields: {} });
      // @ts-expect-error: signing in is the options page's own (page-requests.ts), not a message
      void send({ type: 'signIn', serverUrl: 'https://sync.test', token: 'token-0001' });
      // @ts-expect-error: teach:start goes to a tab's overlay, not the background
      void send({ type: 'teach:start' });
    };
    expect(typeof neverRun).toBe('function');
  });

  it('takes each kind of page facts as it is, and refuses an unknown kind or a bad field (a plain union of distinct kinds)', () => {
    const facts = [
      { kind: 'advert', site: 'communitycare', title: 'Social worker', expired: false, externalId: '4188275' },
      { kind: 'candidate', site: 'oleeo', name: 'Sam Candidate', email: 'sam@example.org' },
      { kind: 'advert-list', site: 'communitycare', items: [{ externalId: '1', href: 'https://jobs.communitycare.co.uk/job/1/' }] },
    ];
    for (const f of facts) expect(pageFactsSchema.parse(f)).toEqual(f);
    // A kind's own fields only: another kind's are dropped, never mixed in.
    expect(pageFactsSchema.parse({ ...facts[1], title: 'Social worker', expired: true })).toEqual(facts[1]);
    for (const bad of [{ ...facts[0], kind: 'nope' }, { ...facts[0], title: '' }, { ...facts[1], email: 5 }, { ...facts[2], items: [{ href: 'not a url' }] }, { kind: 'advert' }, {}]) {
      expect(pageFactsSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('names each message by its schema’s own type', () => {
    for (const [type, spec] of Object.entries(PROTOCOL)) expect(spec.request.shape.type._zod.def.values).toEqual([type]);
  });

  it('gives content scripts only what reading a page needs (no candidate data, no changes but a taught profile), and the invitation page its sign-in', () => {
    const forContentScripts = Object.entries(PROTOCOL)
      .filter(([, spec]) => spec.senders.includes('content-script'))
      .map(([type]) => type)
      .sort();
    expect(forContentScripts).toEqual(['overlay:open', 'overlay:profiles', 'overlay:saveProfile', 'overlay:teach', 'redeemInvitationLink']);
  });

  it('gives the overlay frame only its view and layout, the sync status, and a nudge to sync after its own writes', () => {
    const forFrame = Object.entries(PROTOCOL)
      .filter(([, spec]) => spec.senders.includes('overlay-frame'))
      .map(([type]) => type)
      .sort();
    expect(forFrame).toEqual(['getStatus', 'localChange', 'overlay:layout', 'overlay:view']);
  });

  it('has a handler in the background for every message the background answers, and none for the tabs’', () => {
    registerCoreHandlers();
    registerOverlayHandlers();
    const answered = Object.entries(PROTOCOL).filter(([, spec]) => !('to' in spec)).map(([type]) => type);
    expect(handledTypes().sort()).toEqual(answered.sort());
    expect(handledTypes()).not.toContain('teach:start');
  });
});

describe('core handlers', () => {
  beforeEach(() => registerCoreHandlers());

  it('has no generic write requests, for any sender: our pages write their own records (db/writes.ts), the overlay frame its own (overlay/frame/actions.ts)', async () => {
    const teamId = newId();
    const event = { id: newId(), applicationId: newId(), stage: 'shortlisted', at: '2026-03-02T10:00:00Z', by: 'u1' };
    for (const request of [
      { type: 'upsert', table: 'teams', id: teamId, fields: teamFields() },
      { type: 'appendStageEvent', event },
      { type: 'eraseCandidate', applicationId: event.applicationId },
    ]) {
      for (const sender of [popup, overlayFrame, contentScript]) expect(await dispatch(request, sender, own)).toEqual({ ok: false, error: `Unknown request "${request.type}"` });
    }
    expect(await db.teams.get(teamId)).toBeUndefined();
    expect(await db.stage_events.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('sign-in, sign-out, health, refused changes and conflicts are not messages at all (the pages do them)', async () => {
    for (const request of [
      { type: 'signOut', force: true },
      { type: 'signIn', serverUrl: 'https://x.test', token: 'abcdefghijk' },
      { type: 'redeemInvitation', serverUrl: 'https://x.test', code: 'K7QM-2XHD-9RTB' },
      { type: 'health' },
      { type: 'discardRefused', localId: 1 },
      { type: 'dismissConflict', id: 'c-1' },
    ]) {
      for (const sender of [contentScript, popup]) expect(await dispatch(request, sender, own)).toEqual({ ok: false, error: `Unknown request "${request.type}"` });
    }
  });

  it('getStatus answers the overlay frame: signed out, nothing pending', async () => {
    expect(await dispatch({ type: 'getStatus' }, overlayFrame, own)).toMatchObject({ ok: true, data: { signedIn: false, pending: 0, refused: 0 } });
  });
});

describe('the pages’ own requests (page-requests.ts)', () => {
  it('signIn checks its request as the background did: a bad URL and a short token are explained, nothing is asked of the server', async () => {
    const reply = await askHere({ type: 'signIn', serverUrl: 'ftp://x', token: 'short' });
    expect(reply).toMatchObject({ ok: false, error: 'Malformed "signIn" request' });
    expect(reply.ok === false && reply.issues).toEqual(
      expect.arrayContaining(['serverUrl: Server URL must start with http:// or https://', 'token: The access token looks too short: copy it whole']),
    );
  });

  it('reads with zod’s English messages where a check has no words of its own, as the options page loads them', async () => {
    const reply = await askHere({ type: 'signIn', serverUrl: 'https://sync.test', token: 'x'.repeat(301) });
    expect(reply.ok === false && reply.issues).toEqual(['token: Too big: expected string to have <=300 characters']);
    const code = await askHere({ type: 'redeemInvitation', serverUrl: 'https://sync.test', code: 'K'.repeat(41) });
    expect(code.ok === false && code.issues).toEqual(['code: Too big: expected string to have <=40 characters']);
  });
});
