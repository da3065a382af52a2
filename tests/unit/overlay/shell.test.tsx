// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPlacement } from '@/overlay/placement';
import { Shell } from '@/overlay/ui/Shell';

beforeEach(() => {
  fakeBrowser.reset();
  sessionStorage.clear();
});
afterEach(() => cleanup());

const panel = () => screen.getByTestId('shortlist-overlay');
const grip = () => screen.getByRole('button', { name: /drag, or use the arrow keys/ });
/** The frame reads its remembered placement first; keys pressed after that are kept. */
async function renderShell(title = 'A') {
  const read = vi.spyOn(fakeBrowser.storage.local, 'get');
  const r = render(
    <Shell title={title} host={location.host}>
      <p>body text</p>
    </Shell>,
  );
  await waitFor(() => expect(read).toHaveBeenCalled());
  await read.mock.results[0]!.value;
  await new Promise((resolve) => setTimeout(resolve, 0));
  read.mockRestore();
  return r;
}

describe('the overlay frame', () => {
  it('moves with the arrow keys when its handle has focus, and collapses to a small tab', async () => {
    await renderShell('Social Worker');
    expect(panel().style.right).toBe('16px');
    expect(panel().style.bottom).toBe('16px');
    grip().focus();
    fireEvent.keyDown(grip(), { key: 'ArrowLeft' });
    fireEvent.keyDown(grip(), { key: 'ArrowUp', shiftKey: true });
    expect(panel().style.right).toBe('26px');
    expect(panel().style.bottom).toBe('56px');
    // Other keys are left to the page.
    fireEvent.keyDown(grip(), { key: 'a' });
    expect(panel().style.right).toBe('26px');

    const toggle = screen.getByRole('button', { name: 'Hide' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(screen.queryByText('body text')).toBeNull();
    expect(screen.getByRole('button', { name: 'Show' }).getAttribute('aria-expanded')).toBe('false');
  });

  it("remembers the position and the collapsed state for the site in the extension's storage, not the page's", async () => {
    const first = await renderShell();
    fireEvent.keyDown(grip(), { key: 'ArrowRight' });
    fireEvent.keyDown(grip(), { key: 'ArrowRight' });
    fireEvent.click(screen.getByRole('button', { name: 'Hide' }));
    await waitFor(async () => expect(await loadPlacement(location.host)).toEqual({ right: 0, bottom: 16, collapsed: true }));
    first.unmount();
    expect(sessionStorage.length).toBe(0);
    expect(localStorage.length).toBe(0);

    render(
      <Shell title="A" host={location.host}>
        x
      </Shell>,
    );
    await waitFor(() => expect(panel().style.right).toBe('0px'));
    expect(screen.getByRole('button', { name: 'Show' })).toBeTruthy();
    // Another site keeps its own.
    expect(await loadPlacement('other.example.org')).toEqual({ right: 16, bottom: 16, collapsed: false });
  });

  it('writes nothing when it only opens, with or without a placement remembered (every write reaches every extension context)', async () => {
    const changes: unknown[] = [];
    fakeBrowser.storage.onChanged.addListener((change) => changes.push(change));
    const first = await renderShell();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    fireEvent.keyDown(grip(), { key: 'ArrowLeft' });
    await waitFor(() => expect(changes).toHaveLength(1));
    first.unmount();
    await renderShell();
    expect(panel().style.right).toBe('26px');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(changes).toHaveLength(1);
  });

  it('ignores a stored placement that is not one', async () => {
    await fakeBrowser.storage.local.set({ [`overlay-placement:${location.host}`]: { right: 'x', bottom: -5 } });
    expect(await loadPlacement(location.host)).toEqual({ right: 16, bottom: 16, collapsed: false });
  });

  it('never moves off the screen', async () => {
    await renderShell();
    for (let i = 0; i < 10; i++) fireEvent.keyDown(grip(), { key: 'ArrowDown', shiftKey: true });
    expect(panel().style.bottom).toBe('0px');
  });
});
