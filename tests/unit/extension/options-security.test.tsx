// @vitest-environment happy-dom
import { freshDb } from './helpers';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '@/sync/status';
import { answerWith, sent } from './scripted-send';

/** Issue 11 in the options page: https only in the sign-in form; a sign-out that could not revoke the token says so. */

vi.mock('@/messages/send', () => import('./scripted-send'));
vi.mock('@/messages/page-requests', () => import('./scripted-send'));
const { Options } = await import('@/ui/options/Options');

const signedOut: SyncStatus = { signedIn: false, lastSyncedAt: null, pending: 0, refused: 0, conflicts: 0, lastError: null, syncing: false };
const signedIn: SyncStatus = { ...signedOut, signedIn: true, user: { id: 'u', name: 'Alice', role: 'coordinator' }, organisation: 'Org', serverUrl: 'https://sync.test' };

beforeEach(() => {
  fakeBrowser.reset();
  freshDb('options-security');
  sent.length = 0;
  Object.assign(fakeBrowser, { permissions: { contains: vi.fn(async () => true), request: vi.fn(async () => true) } });
});
afterEach(() => cleanup());

describe('options page security', () => {
  it('refuses a plain http server URL outside this computer, before asking the background', async () => {
    answerWith((r) => (r.type === 'getStatus' ? signedOut : undefined));
    render(<Options />);
    fireEvent.input(await screen.findByLabelText('Server URL'), { target: { value: 'http://shortlist.example.gov.uk' } });
    fireEvent.input(screen.getByLabelText('Access token'), { target: { value: 'sl_abcdefghijklmnopqrstuvwxyz' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/must start with https:\/\//);
    expect(sent.some((r) => r.type === 'signIn')).toBe(false);
  });

  it('lets http://127.0.0.1 through (npm start)', async () => {
    answerWith((r) => (r.type === 'getStatus' ? signedOut : r.type === 'signIn' ? { signedIn: true } : undefined));
    render(<Options />);
    fireEvent.input(await screen.findByLabelText('Server URL'), { target: { value: 'http://127.0.0.1:8787' } });
    fireEvent.input(screen.getByLabelText('Access token'), { target: { value: 'sl_abcdefghijklmnopqrstuvwxyz' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(sent.find((r) => r.type === 'signIn')).toMatchObject({ serverUrl: 'http://127.0.0.1:8787' }));
  });

  it('after a sign-out the server could not hear, says to ask the admin to revoke the token', async () => {
    let status = signedIn;
    answerWith((r) => {
      if (r.type === 'getStatus') return status;
      if (r.type === 'signOut') {
        status = signedOut;
        return { ok: true, revoked: false, message: 'Signed out of this browser, but the server could not be told: ask your admin to revoke the token.' };
      }
      return undefined;
    });
    render(<Options />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect((await screen.findByTestId('sign-out-notice')).textContent).toMatch(/ask your admin to revoke the token/);
    expect(await screen.findByLabelText('Server URL')).toBeTruthy();
  });
});
