// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import type { JSX } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { extractWithProfile } from '@/sites/taught';

// The overlay talks to the background only through this; here it records what would be saved.
const sent: Array<Record<string, unknown>> = [];
vi.mock('@/overlay/ask', () => ({
  askBackground: async (request: Record<string, unknown>) => {
    sent.push(request);
    return null;
  },
}));
/**
 * happy-dom cannot make trusted events: here the test's events stand for the person's, and
 * those listed in `fromPageScript` for a page script's .click() or dispatchEvent. (In Chromium,
 * the hostile pages e2e suite checks the real isTrusted.)
 */
const fromPageScript = new WeakSet<Event>();
vi.mock('@/overlay/content/trusted', () => ({ fromPerson: (e: Event) => !fromPageScript.has(e) }));
const { TeachPanel } = await import('@/overlay/ui/TeachPanel');

/** A back-office candidate screen no site module knows, with a hostile name in it. */
function backOfficePage(name: string, ref: string) {
  document.body.innerHTML = `
    <div class="wrap"><table class="grid">
      <tr><th>Applicant</th><td class="cand-name"></td></tr>
      <tr><th>Applicant ID</th><td class="cand-ref"></td></tr>
      <tr><th>Status</th><td><span class="status-pill">New application</span></td></tr>
    </table><a id="not-ours" href="#">elsewhere</a></div>`;
  document.querySelector('.cand-name')!.textContent = name;
  document.querySelector('.cand-ref')!.textContent = ref;
}

/** As the content script does: the panel lives inside its own host element in the page. */
function renderInHost(ui: JSX.Element) {
  const host = document.createElement('shortlist-teach');
  document.body.append(host);
  return render(ui, { container: host });
}

beforeEach(() => {
  sent.length = 0;
  history.replaceState(null, '', '/ats/candidate/TP-40217');
});
afterEach(() => cleanup());

describe('teach mode on a page no module knows', () => {
  it('steps through name, reference and stage by clicking, previews what it reads as text, and saves a profile that reads other candidates', async () => {
    const hostile = '<img src=x onerror="alert(1)">Eve Rowe';
    backOfficePage(hostile, 'TP-40217');
    const done = vi.fn();
    const { container } = renderInHost(<TeachPanel onDone={done} />);
    expect(screen.getByTestId('teach-prompt').textContent).toContain("candidate's name");

    // A page script clicking an element of its choice teaches nothing.
    const forged = new MouseEvent('click', { bubbles: true, cancelable: true });
    fromPageScript.add(forged);
    document.querySelector('#not-ours')!.dispatchEvent(forged);
    const forgedKey = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true });
    fromPageScript.add(forgedKey);
    document.body.dispatchEvent(forgedKey);
    expect(done).not.toHaveBeenCalled();
    expect(screen.getByTestId('teach-prompt').textContent).toContain("candidate's name");

    // A click on the page is taken as the answer and does not reach the page's own handlers.
    const pageClick = vi.fn();
    document.querySelector('.cand-name')!.addEventListener('click', pageClick);
    fireEvent.click(document.querySelector('.cand-name')!);
    expect(pageClick).not.toHaveBeenCalled();
    expect(screen.getByTestId('teach-prompt').textContent).toContain('reference');
    fireEvent.click(document.querySelector('.cand-ref')!);
    expect(screen.getByTestId('teach-prompt').textContent).toContain('stage');
    fireEvent.click(document.querySelector('.status-pill')!);
    // Email is optional: this screen has none.
    fireEvent.click(screen.getByRole('button', { name: /Skip/ }));

    const preview = screen.getByTestId('teach-preview');
    expect(preview.textContent).toContain(hostile);
    expect(preview.textContent).toContain('TP-40217');
    expect(preview.textContent).toContain('New application');
    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Save for my council' }));
    await vi.waitFor(() => expect(done).toHaveBeenCalledWith(true));
    const request = sent.find((r) => r.type === 'overlay:saveProfile');
    expect(request).toBeTruthy();
    const profile = request!.profile as { host: string; pathPattern: string; kind: 'candidate'; fields: Record<string, string>; id: string };
    expect(profile.kind).toBe('candidate');
    expect(profile.pathPattern).toBe('/ats/candidate/*');
    expect(Object.keys(profile.fields).sort()).toEqual(['name', 'reference', 'stage']);

    // The saved selectors read another candidate's page of the same system.
    cleanup();
    backOfficePage('Sam Okafor', 'TP-40999');
    const other = new URL(`${location.origin}/ats/candidate/TP-40999`);
    const read = extractWithProfile({ ...profile, exampleUrl: other.href }, document, other);
    expect(read).toMatchObject({ kind: 'candidate', name: 'Sam Okafor', reference: 'TP-40999', stage: 'New application' });
  });

  it('Escape cancels without saving, and clicks on the overlay itself are not taken as answers', () => {
    backOfficePage('Ann Lee', 'TP-1');
    const done = vi.fn();
    renderInHost(<TeachPanel onDone={done} />);
    fireEvent.click(screen.getByRole('button', { name: /Skip|Cancel/ }).closest('shortlist-teach')!.querySelector('[data-testid="teach-prompt"]')!);
    expect(screen.getByTestId('teach-prompt').textContent).toContain("candidate's name");
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(done).toHaveBeenCalledWith(false);
    expect(sent).toEqual([]);
  });
});
