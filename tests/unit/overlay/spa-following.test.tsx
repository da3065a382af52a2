// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asked, fakeContext, jobPostingScript, resetContentHarness, sessionId } from './content-harness';

/**
 * runPageOverlay on a single-page app: the content script's WXT context, the frame and the
 * background are replaced by small fakes, so what is tested is the page watching itself and
 * what it tells the background.
 */
vi.mock('@/overlay/ask', () => import('./content-harness'));
vi.mock('@/overlay/content/frame-host', () => import('./content-harness'));
const { runPageOverlay } = await import('@/overlay/content/mount');

/** What a single-page job board renders for one job: a schema.org JobPosting, inserted as text. */
function renderJob(title: string, id: string) {
  document.body.replaceChildren();
  const h1 = document.createElement('h1');
  h1.textContent = title;
  document.body.append(jobPostingScript(title, id), h1);
}
/** The page facts the content script opened its sessions with, in order. */
const openedWith = () => asked.filter((r) => r.type === 'overlay:open').map((r) => r.page as { kind: string; title?: string; reference?: string });
const frames = () => document.querySelectorAll('shortlist-overlay');

let stop = () => undefined as void;
beforeEach(() => {
  resetContentHarness();
  history.replaceState(null, '', '/jobs/view/1001');
});
afterEach(() => {
  stop();
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('the overlay follows a single-page app', () => {
  it('reads the page again when the URL changes without a page load, and asks about the new advert', async () => {
    renderJob('Senior Social Worker – Assessment', '1001');
    const fake = fakeContext();
    stop = fake.stop;
    await runPageOverlay(fake.ctx as never);
    await vi.waitFor(() => expect(frames()).toHaveLength(1));
    expect(openedWith()).toEqual([expect.objectContaining({ kind: 'advert', title: 'Senior Social Worker – Assessment', reference: '1001' })]);
    // No URL in what the page reader sends: the background takes it from the tab.
    expect(asked.every((r) => !('url' in r) && !('url' in ((r.page as object) ?? {})))).toBe(true);

    // The app swaps the page and pushes a URL; WXT's context reports it as wxt:locationchange.
    history.pushState(null, '', '/jobs/view/1002');
    renderJob('Team Manager – Children in Care', '1002');
    window.dispatchEvent(new Event('wxt:locationchange'));
    await vi.waitFor(() => expect(openedWith()).toHaveLength(2));
    expect(openedWith()[1]).toMatchObject({ kind: 'advert', title: 'Team Manager – Children in Care', reference: '1002' });
    // One frame, the new page's session's.
    await vi.waitFor(() => expect(frames()).toHaveLength(1));
    expect((frames()[0] as HTMLElement).dataset.session).toBe(sessionId(2));
  });

  it('shows nothing and throws nothing on an unreadable page, waits for a page rendered late by script, and steps aside when the app leaves the advert', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    document.body.innerHTML = '<main><h1>Loading…</h1></main>';
    const fake = fakeContext();
    stop = fake.stop;
    await expect(runPageOverlay(fake.ctx as never)).resolves.toBeUndefined();
    expect(document.querySelector('shortlist-overlay')).toBeNull();

    // Rendered by script a few seconds later, at the same URL (as Jobtrain does): read on the next poll.
    await vi.advanceTimersByTimeAsync(4000);
    renderJob('Social Worker – Leaving Care', '1001');
    await vi.advanceTimersByTimeAsync(1600);
    await vi.waitFor(() => expect(frames()).toHaveLength(1));
    expect(openedWith()).toEqual([expect.objectContaining({ title: 'Social Worker – Leaving Care' })]);

    // The app goes back to its search page: the overlay is removed, nothing is thrown.
    history.pushState(null, '', '/jobs/search');
    document.body.innerHTML = '<main><h1>Search results</h1></main>';
    await vi.advanceTimersByTimeAsync(1600);
    await vi.waitFor(() => expect(document.querySelector('shortlist-overlay')).toBeNull());
    expect(openedWith()).toHaveLength(1);
  });
});
