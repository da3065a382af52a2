import { applicationFields, endpointOf, freshDb, newId } from './helpers';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from '#imports';
import type { ShortlistDb } from '@/db/database';
import { appendStageEvent, upsertRecord } from '@/db/writes';
import { notifiedItem } from '@/badge/notify';
import { signIn, signOut, wipeIfAccessEnded, wipeNoticeItem } from '@/sync/account';
import { pullChanges } from '@/sync/pull';
import { pushOutbox } from '@/sync/push';
import { getSession } from '@/sync/session';
import { readStatus } from '@/sync/status';
import { DEFAULT_USER, FakeServer } from './fake-server';
import { everythingStored, notifyOverdue } from './privacy-support';

let db: ShortlistDb;
let server: FakeServer;

/** Signed in, a candidate synced with a note, a notification and the badge showing, one change unsynced. */
async function signedInWithACandidate(): Promise<string> {
  expect((await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch)).ok).toBe(true);
  const a = newId();
  await upsertRecord('applications', a, applicationFields({ name: 'Nia Notified', email: 'nia@example.org' }), db);
  await appendStageEvent({ id: newId(), applicationId: a, stage: 'shortlisted', at: '2026-03-02T10:00:00Z', by: 'u', note: 'Nia prefers mornings' }, db);
  await pushOutbox(db, endpointOf(server), server.fetch);
  await pullChanges(db, endpointOf(server), server.fetch);
  await upsertRecord('applications', a, { phone: '01632 960222' }, db);
  await notifyOverdue(a, 'Nia Notified');
  await notifiedItem.setValue([`${a}:shortlisting_decision`]);
  await browser.action.setBadgeText({ text: '1' });
  return a;
}

async function expectWiped(notice: RegExp) {
  const stored = await everythingStored(db);
  for (const text of ['Nia Notified', 'nia@example.org', 'mornings', '01632 960222', DEFAULT_USER.token]) expect(stored).not.toContain(text);
  for (const t of db.tables) expect(await t.count(), t.name).toBe(0);
  // The options page says what happened, until the next sign-in.
  expect((await wipeNoticeItem.getValue())?.message).toMatch(notice);
  expect(await getSession(db)).toBeNull();
  expect(await browser.notifications.getAll()).toEqual({});
  expect(await notifiedItem.getValue()).toEqual([]);
  expect(await browser.action.getBadgeText({})).toBe('');
  expect((await readStatus(db, false)).signedIn).toBe(false);
}

beforeEach(() => {
  fakeBrowser.reset();
  db = freshDb('wipe');
  server = new FakeServer();
});

describe('local wipe', () => {
  it('sign-out removes every personal datum from the browser: IndexedDB, notifications, badge, and says so', async () => {
    await signedInWithACandidate();
    expect((await signOut(db, true, server.fetch)).ok).toBe(true);
    await expectWiped(/^Signed out: Shortlist removed the council's candidates, notes, notifications and badge from this browser/);
    // Signing in again clears the notice.
    expect((await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch)).ok).toBe(true);
    expect(await wipeNoticeItem.getValue()).toBeNull();
  });

  it('a revoked token wipes the browser too, naming the unsynced changes it discarded', async () => {
    await signedInWithACandidate();
    server.failNext({ kind: 'status', status: 401, code: 'token_revoked', message: 'This token was revoked on 2026-12-01' }, 'me');
    expect(await wipeIfAccessEnded(db, server.fetch)).toBe(true);
    await expectWiped(/^Your access token was revoked, so Shortlist removed .* \(1 unsynced change was discarded\)\. Ask your admin for a new token/);
  });

  it('so does a deactivated account', async () => {
    await signedInWithACandidate();
    server.failNext({ kind: 'status', status: 401, code: 'user_inactive', message: 'Your account has been deactivated' }, 'me');
    expect(await wipeIfAccessEnded(db, server.fetch)).toBe(true);
    await expectWiped(/^Your account was deactivated/);
  });

  it('an expired token or a server that cannot be reached keeps everything: the owner signs in again', async () => {
    const a = await signedInWithACandidate();
    server.failNext({ kind: 'status', status: 401, code: 'token_expired', message: 'This token expired' }, 'me');
    expect(await wipeIfAccessEnded(db, server.fetch)).toBe(false);
    server.failNext({ kind: 'drop-before' }, 'me');
    expect(await wipeIfAccessEnded(db, server.fetch)).toBe(false);
    expect(await wipeIfAccessEnded(db, server.fetch)).toBe(false);
    expect(await db.applications.get(a)).toMatchObject({ name: 'Nia Notified' });
    expect(await db.outbox.count()).toBe(1);
  });
});
