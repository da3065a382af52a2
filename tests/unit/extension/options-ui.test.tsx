// @vitest-environment happy-dom
import { freshDb, newId } from './helpers';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '@/sync/status';
import { answerWith, sent } from './scripted-send';

vi.mock('@/messages/send', () => import('./scripted-send'));
vi.mock('@/messages/page-requests', () => import('./scripted-send'));
const { Options } = await import('@/ui/options/Options');
const { Popup } = await import('@/ui/popup/Popup');

const DAY = 86_400_000;
const signedIn = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  signedIn: true,
  user: { id: 'user-alice', name: 'Alice Coordinator', role: 'coordinator' },
  organisation: 'Exampleshire County Council',
  serverUrl: 'https://sync.test',
  tokenExpiresAt: new Date(Date.now() + 90 * DAY).toISOString(),
  lastSyncedAt: new Date(Date.now() - 2 * 60_000).toISOString(),
  pending: 3,
  refused: 0,
  conflicts: 0,
  lastError: null,
  syncing: false,
  ...over,
});
const signedOut: SyncStatus = { signedIn: false, lastSyncedAt: null, pending: 0, refused: 0, conflicts: 0, lastError: null, syncing: false };

let db: ReturnType<typeof freshDb>;
beforeEach(() => {
  fakeBrowser.reset();
  db = freshDb('options-ui');
  sent.length = 0;
  // The fake browser has no permissions API: the default server is granted.
  Object.assign(fakeBrowser, { permissions: { contains: vi.fn(async () => true), request: vi.fn(async () => true) } });
});
afterEach(() => cleanup());

describe('options page', () => {
  it('signs in with the labelled fields; another account\'s unsynced changes need a confirmation', async () => {
    let status = signedOut;
    answerWith((r) => {
      if (r.type === 'getStatus') return status;
      if (r.type === 'signIn' && !r.force) return { signedIn: false, pending: 2, previous: 'Bob', message: '2 changes by Bob have not reached the server' };
      if (r.type === 'signIn') {
        status = signedIn();
        return { signedIn: true };
      }
      return undefined;
    });
    render(<Options />);
    fireEvent.input(await screen.findByLabelText('Server URL'), { target: { value: 'https://sync.test' } });
    fireEvent.input(screen.getByLabelText('Access token'), { target: { value: 'token-alice-0001' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('2 changes by Bob');
    expect(sent.find((r) => r.type === 'signIn')).toMatchObject({ serverUrl: 'https://sync.test', token: 'token-alice-0001', force: false });
    fireEvent.click(screen.getByRole('button', { name: 'Delete 2 changes and sign in' }));
    await screen.findByText('Signed in as', { exact: false });
    expect(sent.filter((r) => r.type === 'signIn').at(-1)).toMatchObject({ force: true });
    expect(screen.getByTestId('token-expiry').textContent).toMatch(/^Your access token expires on \d+ \w+ \d{4}\.$/);
  });

  it('after a refused token: says so, keeps the changes, and offers to sign in again on the same server', async () => {
    answerWith((r) =>
      r.type === 'getStatus'
        ? signedIn({ tokenExpiresAt: new Date(Date.now() - DAY).toISOString(), lastError: { kind: 'auth', message: 'This token has expired. Sign in again in Shortlist\'s options; your unsynced changes are kept.', at: new Date().toISOString() } })
        : undefined);
    render(<Options />);
    expect((await screen.findByTestId('signed-in-as')).textContent).toContain('Alice Coordinator (coordinator), Exampleshire County Council');
    expect(screen.getByTestId('token-expiry').textContent).toContain('expired');
    const again = screen.getByRole('region', { name: 'Sign in again' });
    expect(again.textContent).toContain('your 3 unsynced changes are kept');
    expect((screen.getByLabelText('Server URL') as HTMLInputElement).value).toBe('https://sync.test');
    expect(screen.getByRole('button', { name: 'Sign in again' })).toBeDefined();
    expect((await screen.findByTestId('sync-error')).textContent).toContain('This token has expired');
  });
});

describe('popup', () => {
  it('shows the sync status, changes waiting and "Sync now"', async () => {
    answerWith((r) => (r.type === 'getStatus' ? signedIn({ lastError: { kind: 'offline', message: 'Offline or the server is not answering', at: '' } }) : r.type === 'health' ? { ok: true, serverUrl: 'https://sync.test', version: '1' } : { ok: true, pushed: 0, pulled: 0 }));
    render(<Popup />);
    expect((await screen.findByTestId('sync-status')).textContent).toContain('Last synced 2 minutes ago');
    expect(screen.getByTestId('pending-count').textContent).toBe('3');
    expect(screen.getByTestId('sync-error').textContent).toContain('Offline');
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    await vi.waitFor(() => expect(sent.some((r) => r.type === 'syncNow')).toBe(true));
  });
});

describe('refused changes and conflicts in the status panel', () => {
  it('says what each refused change was and why, with Discard; conflicts with Seen', async () => {
    answerWith((r) => (r.type === 'getStatus' ? signedIn({ pending: 0, refused: 1, conflicts: 1 }) : r.type === 'health' ? { ok: true, serverUrl: 'https://sync.test', version: '1' } : true));
    await db.refused.add({ mutation: { id: newId(), table: 'teams', op: 'upsert', recordId: newId(), fields: { name: 'X' }, hlc: '1767225600000:000000:c' }, code: 'forbidden', message: 'a manager may not rename teams', refusedAt: '2026-03-02T10:00:00Z' });
    await db.conflicts.put({ id: 'c-1', table: 'vacancies', recordId: newId(), field: 'status', losingValue: 'closed', winningValue: 'open', losingHlc: 'a', winningHlc: 'b', at: '2026-03-02T10:00:00Z' });
    render(<Popup />);
    const refused = await screen.findByTestId('refused-changes');
    expect(refused.textContent).toContain('Change to a team (name): a manager may not rename teams');
    expect((await screen.findByTestId('conflicts')).textContent).toContain('vacancy status: kept "open", not "closed"');
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    fireEvent.click(screen.getByRole('button', { name: 'Seen' }));
    // The panel's page removes them itself (it has the database open): no message to the background.
    await vi.waitFor(async () => expect([await db.refused.count(), await db.conflicts.count()]).toEqual([0, 0]));
    expect(sent.some((r) => /refused|conflict/i.test(r.type))).toBe(false);
  });
});

describe('plain words', () => {
  it('token expiry: a date, a warning in the last week, expired', async () => {
    const { tokenExpiry } = await import('@/ui/options/tokenExpiry');
    const now = Date.UTC(2026, 2, 2, 12);
    expect(tokenExpiry('2026-06-01T00:00:00Z', now)).toEqual({ text: 'Your access token expires on 1 June 2026.', warn: false });
    expect(tokenExpiry('2026-03-05T00:00:00Z', now)).toMatchObject({ warn: true, text: expect.stringContaining('in 3 days') });
    expect(tokenExpiry('2026-03-01T00:00:00Z', now)).toMatchObject({ warn: true, text: expect.stringContaining('expired on 1 March 2026') });
    expect(tokenExpiry(undefined, now)).toBeNull();
  });

  it('describes refused changes by what they were', async () => {
    const { describeChange } = await import('@/ui/common/describeChange');
    expect(describeChange({ table: 'applications', op: 'erase' })).toBe('Erasure of an application');
    expect(describeChange({ table: 'posts', op: 'delete' })).toBe('Deletion of a post');
    expect(describeChange({ table: 'stage_events', op: 'upsert', fields: { stage: 'offer' } })).toBe('A new stage change');
    expect(describeChange({ table: 'vacancies', op: 'upsert', fields: { a: 1, b: 2, c: 3, d: 4, e: 5 } })).toBe('Change to a vacancy (a, b, c, d, …)');
  });
});
