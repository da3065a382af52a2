import { freshDb, newId, teamFields } from './helpers';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { Browser } from '#imports';
import type { ShortlistDb } from '@/db/database';
import { ValidationError } from '@/db/writes';
import { registerCoreHandlers } from '@/messages/core-handlers';
import { PROTOCOL, type Reply, type RequestInput } from '@/messages/protocol';
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
    registerHandlers<'discardRefused' | 'signOut'>({
      discardRefused: (r) => (seen.push(r), true),
      signOut: (r) => (seen.push(r), { ok: true, revoked: true }),
    });
    expect(await dispatch({ type: 'discardRefused', localId: 4 }, popup, own)).toEqual({ ok: true, data: true });
    expect(await dispatch({ type: 'signOut' }, popup, own)).toEqual({ ok: true, data: { ok: true, revoked: true } });
    // The handler sees the parsed request: defaults filled in.
    expect(seen).toEqual([{ type: 'discardRefused', localId: 4 }, { type: 'signOut', force: false }]);
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
    registerHandlers<'discardRefused'>({ discardRefused: () => (++called, true) });
    const reply = await dispatch({ type: 'discardRefused', localId: 'four' }, popup, own);
    expect(reply).toMatchObject({ ok: false, error: 'Malformed "discardRefused" request' });
    expect(reply.ok === false && reply.issues).toEqual([expect.stringMatching(/^localId: /)]);
    expect(await dispatch({ type: 'discardRefused', localId: 1.5 }, popup, own)).toMatchObject({ ok: false, issues: [expect.stringMatching(/^localId: /)] });
    expect(called).toBe(0);
    for (const junk of [null, undefined, 42, 'discardRefused', [], { type: 7 }, { type: 'nope' }, { type: 'toString' }, { type: 'teach:start' }]) {
      expect(await dispatch(junk, popup, own)).toMatchObject({ ok: false, error: expect.any(String) });
    }
  });

  it('returns handler errors as { ok: false, error } and never throws', async () => {
    registerHandlers<'dismissConflict'>({
      dismissConflict: async (r) => {
        if (r.id === 'error') throw new Error('the database is closed');
        if (r.id === 'validation') throw new ValidationError(['name: must not be empty']);
        if (r.id === 'string') throw 'plain string';
        if (r.id === 'null') throw null;
        throw undefined;
      },
    });
    const ask = (id: string) => dispatch({ type: 'dismissConflict', id }, popup, own);
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
    expectTypeOf<RequestInput<'signOut'>>().toEqualTypeOf<{ type: 'signOut'; force?: boolean | undefined }>();
    const neverRun = () => {
      // @ts-expect-error: not a message of the protocol
      void send({ type: 'nope' });
      // @ts-expect-error: discardRefused needs a localId
      void send({ type: 'discardRefused' });
      // @ts-expect-error: teach:start goes to a tab's overlay, not the background
      void send({ type: 'teach:start' });
    };
    expect(typeof neverRun).toBe('function');
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

  it('our pages can save a record through the background; an invalid one comes back with issues', async () => {
    const id = newId();
    const ok = await dispatch({ type: 'upsert', table: 'teams', id, fields: teamFields() }, popup, own);
    expect(ok).toMatchObject({ ok: true, data: { id, name: 'Front door North' } });
    expect(await db.teams.get(id)).toBeDefined();
    expect(await db.outbox.count()).toBe(1);
    const bad = await dispatch({ type: 'upsert', table: 'teams', id: newId(), fields: { name: '' } }, popup, own);
    expect(bad).toMatchObject({ ok: false, issues: expect.arrayContaining(['name: must not be empty']) });
    const notATable = await dispatch({ type: 'upsert', table: 'users', id: newId(), fields: {} }, popup, own);
    expect(notATable).toMatchObject({ ok: false, error: 'Malformed "upsert" request' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('content scripts may not write records or stage events generically: the overlay has its own narrow messages', async () => {
    const teamId = newId();
    const event = { id: newId(), applicationId: newId(), stage: 'shortlisted', at: '2026-03-02T10:00:00Z', by: 'u1' };
    for (const request of [{ type: 'upsert', table: 'teams', id: teamId, fields: teamFields() }, { type: 'appendStageEvent', event }]) {
      expect(await dispatch(request, contentScript, own)).toMatchObject({ ok: false, error: expect.stringContaining('only be asked by Shortlist') });
    }
    expect(await db.teams.get(teamId)).toBeUndefined();
    expect(await db.stage_events.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('erasure, sign-in and sign-out are for our own pages only', async () => {
    for (const request of [{ type: 'eraseCandidate', applicationId: newId() }, { type: 'signOut', force: true }, { type: 'signIn', serverUrl: 'https://x.test', token: 'abcdefghijk' }]) {
      expect(await dispatch(request, contentScript, own)).toMatchObject({ ok: false, error: expect.stringContaining('only be asked by Shortlist') });
    }
  });

  it('signIn checks its request: a bad URL and a short token are explained', async () => {
    const reply = await dispatch({ type: 'signIn', serverUrl: 'ftp://x', token: 'short' }, popup, own);
    expect(reply).toMatchObject({ ok: false });
    expect(reply.ok === false && reply.issues).toEqual(
      expect.arrayContaining(['serverUrl: Server URL must start with http:// or https://', 'token: The access token looks too short: copy it whole']),
    );
  });

  it('dismissConflict removes a conflict a person has seen, from our pages only', async () => {
    const conflict = { id: 'c-1', table: 'vacancies' as const, recordId: newId(), field: 'status', losingValue: 'closed', winningValue: 'open', losingHlc: 'a', winningHlc: 'b', at: '2026-03-02T10:00:00Z' };
    await db.conflicts.put(conflict);
    expect(await dispatch({ type: 'dismissConflict', id: 'c-1' }, contentScript, own)).toMatchObject({ ok: false });
    expect(await dispatch({ type: 'dismissConflict' }, popup, own)).toMatchObject({ ok: false, error: 'Malformed "dismissConflict" request' });
    expect(await dispatch({ type: 'dismissConflict', id: 'c-1' }, popup, own)).toEqual({ ok: true, data: true });
    expect(await db.conflicts.count()).toBe(0);
  });

  it('getStatus answers the overlay frame: signed out, nothing pending', async () => {
    expect(await dispatch({ type: 'getStatus' }, overlayFrame, own)).toMatchObject({ ok: true, data: { signedIn: false, pending: 0, refused: 0 } });
  });
});
