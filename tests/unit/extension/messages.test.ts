import { freshDb, newId, teamFields } from './helpers';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Browser } from '#imports';
import type { ShortlistDb } from '@/db/database';
import { ValidationError } from '@/db/writes';
import { registerCoreHandlers } from '@/messages/core-handlers';
import { clearHandlers, dispatch, registerHandler } from '@/messages/router';

type Sender = Browser.runtime.MessageSender;
const own = { id: 'shortlist-extension-id', origin: 'chrome-extension://shortlist-extension-id/' };
const popup: Sender = { id: own.id, url: `${own.origin}popup.html` };
const contentScript: Sender = { id: own.id, url: 'https://jobs.communitycare.co.uk/job/123', tab: { id: 7 } as Sender['tab'], frameId: 0 };
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
  const echo = z.object({ type: z.literal('echo'), n: z.number().int().max(10) });

  it('answers our own pages with the handler result, validated and parsed', async () => {
    registerHandler('echo', echo, (r) => r.n * 2);
    expect(await dispatch({ type: 'echo', n: 4 }, popup, own)).toEqual({ ok: true, data: 8 });
  });

  it('refuses other extensions and web pages, whatever the request', async () => {
    let called = 0;
    registerHandler('echo', echo, () => ++called, { fromContentScripts: true });
    for (const sender of [otherExtension, webPage]) {
      const reply = await dispatch({ type: 'echo', n: 1 }, sender, own);
      expect(reply).toMatchObject({ ok: false, error: 'Messages from other extensions are not accepted' });
    }
    expect(called).toBe(0);
  });

  it('refuses content-script senders for page-only requests, accepts them where allowed', async () => {
    let called = 0;
    registerHandler('pageOnly', z.object({ type: z.literal('pageOnly') }), () => ++called);
    registerHandler('forScripts', z.object({ type: z.literal('forScripts') }), () => ++called, { fromContentScripts: true });
    expect(await dispatch({ type: 'pageOnly' }, contentScript, own)).toMatchObject({ ok: false, error: expect.stringContaining('only be asked by Shortlist') });
    expect(called).toBe(0);
    expect(await dispatch({ type: 'forScripts' }, contentScript, own)).toEqual({ ok: true, data: 1 });
    expect(await dispatch({ type: 'pageOnly' }, popup, own)).toEqual({ ok: true, data: 2 });
    // A content script of ours in a page whose URL merely looks like ours is still a content script.
    const lookalike: Sender = { ...contentScript, url: 'https://chrome-extension.example/shortlist-extension-id/' };
    expect(await dispatch({ type: 'pageOnly' }, lookalike, own)).toMatchObject({ ok: false });
    // Neither our page nor a tab: not a content script either.
    const tabless: Sender = { id: own.id, url: 'https://jobs.communitycare.co.uk/job/123' };
    expect(await dispatch({ type: 'forScripts' }, tabless, own)).toMatchObject({ ok: false, error: expect.stringContaining('neither a Shortlist page nor a tab') });
    expect(called).toBe(2);
  });

  it('validates with the registered zod schema: malformed requests get issues, and the handler never runs', async () => {
    let called = 0;
    registerHandler('echo', echo, () => ++called);
    const reply = await dispatch({ type: 'echo', n: 'four' }, popup, own);
    expect(reply).toMatchObject({ ok: false, error: 'Malformed "echo" request' });
    expect(reply.ok === false && reply.issues).toEqual([expect.stringMatching(/^n: /)]);
    expect(await dispatch({ type: 'echo', n: 11 }, popup, own)).toMatchObject({ ok: false, issues: [expect.stringMatching(/^n: /)] });
    expect(called).toBe(0);
    for (const junk of [null, undefined, 42, 'echo', [], { type: 7 }, { type: 'nope' }]) {
      expect(await dispatch(junk, popup, own)).toMatchObject({ ok: false, error: expect.any(String) });
    }
  });

  it('returns handler errors as { ok: false, error } and never throws', async () => {
    registerHandler('boom', z.object({ type: z.literal('boom'), what: z.string() }), async (r) => {
      if (r.what === 'error') throw new Error('the database is closed');
      if (r.what === 'validation') throw new ValidationError(['name: must not be empty']);
      if (r.what === 'string') throw 'plain string';
      if (r.what === 'null') throw null;
      throw undefined;
    });
    expect(await dispatch({ type: 'boom', what: 'error' }, popup, own)).toEqual({ ok: false, error: 'the database is closed' });
    expect(await dispatch({ type: 'boom', what: 'validation' }, popup, own)).toEqual({
      ok: false,
      error: 'Not saved: name: must not be empty',
      issues: ['name: must not be empty'],
    });
    expect(await dispatch({ type: 'boom', what: 'string' }, popup, own)).toEqual({ ok: false, error: 'plain string' });
    await expect(dispatch({ type: 'boom', what: 'null' }, popup, own)).resolves.toMatchObject({ ok: false, error: expect.any(String) });
    await expect(dispatch({ type: 'boom', what: 'undefined' }, popup, own)).resolves.toMatchObject({ ok: false, error: expect.any(String) });
  });
});

describe('core handlers', () => {
  beforeEach(() => registerCoreHandlers());

  it('a content script can save a record through the background; an invalid one comes back with issues', async () => {
    const id = newId();
    const ok = await dispatch({ type: 'upsert', table: 'teams', id, fields: teamFields() }, contentScript, own);
    expect(ok).toMatchObject({ ok: true, data: { id, name: 'Front door North' } });
    expect(await db.teams.get(id)).toBeDefined();
    expect(await db.outbox.count()).toBe(1);
    const bad = await dispatch({ type: 'upsert', table: 'teams', id: newId(), fields: { name: '' } }, contentScript, own);
    expect(bad).toMatchObject({ ok: false, issues: expect.arrayContaining(['name: must not be empty']) });
    const notATable = await dispatch({ type: 'upsert', table: 'users', id: newId(), fields: {} }, contentScript, own);
    expect(notATable).toMatchObject({ ok: false, error: 'Malformed "upsert" request' });
    expect(await db.outbox.count()).toBe(1);
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

  it('getStatus answers content scripts: signed out, nothing pending', async () => {
    expect(await dispatch({ type: 'getStatus' }, contentScript, own)).toMatchObject({ ok: true, data: { signedIn: false, pending: 0, refused: 0 } });
  });
});
