// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeSync, type SyncState } from '@/overlay/ui/syncNote';

let reply: { ok: true; data: SyncState } | { ok: false; error: string } = { ok: false, error: 'none' };
const asked: string[] = [];
// The overlay reaches the background only through overlay/ask: send (a Reply) and askBackground (throws on a refusal).
vi.mock('@/overlay/ask', () => {
  const send = async (request: { type: string }) => {
    asked.push(request.type);
    return reply;
  };
  return { send, askBackground: async (request: { type: string }) => { const reply = (await send(request as never)) as { ok: boolean; data?: unknown; error?: string }; if (!reply.ok) throw new Error(reply.error); return reply.data; } };
});
const { SyncNote } = await import('@/overlay/ui/SyncNote');

const state = (s: Partial<SyncState>): SyncState => ({ signedIn: true, pending: 0, refused: 0, lastError: null, ...s });
afterEach(() => cleanup());

describe('the overlay says whether actions reached the council', () => {
  it('distinguishes synced, saved-will-sync, offline, refused and signed out', () => {
    expect(describeSync(state({}))).toEqual({ text: 'Synced', tone: 'green' });
    expect(describeSync(state({ pending: 1 }))).toEqual({ text: '1 change saved, will sync', tone: 'amber' });
    expect(describeSync(state({ pending: 3, lastError: { kind: 'offline', message: 'x', at: '2026-03-02T10:00:00Z' } })).text).toBe('Offline: 3 changes saved, will sync');
    expect(describeSync(state({ pending: 3, refused: 1 })).tone).toBe('red');
    expect(describeSync(state({ signedIn: false })).text).toMatch(/Not signed in/);
    expect(describeSync(null).tone).toBe('muted');
  });

  it('asks the background for the status and follows it as it changes', async () => {
    reply = { ok: true, data: state({ pending: 2 }) };
    render(<SyncNote pollMs={20} />);
    await vi.waitFor(() => expect(screen.getByTestId('sync-note').textContent).toBe('2 changes saved, will sync'));
    expect(screen.getByTestId('sync-note').className).toContain('amber');
    reply = { ok: true, data: state({ pending: 0 }) };
    await vi.waitFor(() => expect(screen.getByTestId('sync-note').textContent).toBe('Synced'));
    expect(asked.every((t) => t === 'getStatus')).toBe(true);
  });
});
