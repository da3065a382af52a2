// @vitest-environment happy-dom
import { freshDb } from './helpers';
import { cleanup, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '@/sync/status';
import { answerWith } from './scripted-send';

vi.mock('@/messages/send', () => import('./scripted-send'));
vi.mock('@/messages/page-requests', () => import('./scripted-send'));
const { Options } = await import('@/ui/options/Options');
const { Popup } = await import('@/ui/popup/Popup');
const { wipeNoticeItem } = await import('@/sync/account');

const signedOut: SyncStatus = { signedIn: false, lastSyncedAt: null, pending: 0, refused: 0, conflicts: 0, lastError: null, syncing: false };

beforeEach(() => {
  answerWith((r) => (r.type === 'getStatus' ? signedOut : r.type === 'health' ? { ok: false, serverUrl: '', error: 'Not signed in' } : undefined));
  fakeBrowser.reset();
  freshDb('options-wipe');
  Object.assign(fakeBrowser, { permissions: { contains: vi.fn(async () => true), request: vi.fn(async () => true) } });
});
afterEach(() => cleanup());

const REVOKED = "Your access token was revoked, so Shortlist removed the council's candidates from this browser.";

describe('popup after a local wipe', () => {
  it('says what was removed, until the next sign-in clears the notice', async () => {
    await wipeNoticeItem.setValue({ message: REVOKED, at: '2026-12-01T09:00:00Z' });
    render(<Popup />);
    expect((await screen.findByTestId('wipe-notice')).textContent).toBe(REVOKED);
    await wipeNoticeItem.setValue(null);
    await vi.waitFor(() => expect(screen.queryByTestId('wipe-notice')).toBeNull());
  });
});

describe('options page after a local wipe', () => {
  it('says what was removed from this browser, and why', async () => {
    await wipeNoticeItem.setValue({ message: "Your access token was revoked, so Shortlist removed the council's candidates from this browser.", at: '2026-12-01T09:00:00Z' });
    render(<Options />);
    expect((await screen.findByTestId('wipe-notice')).textContent).toMatch(/access token was revoked, so Shortlist removed/);
  });

  it('says nothing when there was no wipe', async () => {
    render(<Options />);
    await screen.findByLabelText('Server URL');
    expect(screen.queryByTestId('wipe-notice')).toBeNull();
  });
});
