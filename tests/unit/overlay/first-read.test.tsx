// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SiteProfile } from '@/sites/index';
import { asked, background, fakeContext, jobPostingScript, mounted, resetContentHarness, sessionId } from './content-harness';

/**
 * runPageOverlay's first reading of a page: the session is opened while the taught profiles
 * are still on their way (one round trip before the frame, not two), and no frame is added
 * until they are here, so a profile that reads the page otherwise still wins.
 */
vi.mock('@/overlay/ask', () => import('./content-harness'));
vi.mock('@/overlay/content/frame-host', () => import('./content-harness'));
const { runPageOverlay } = await import('@/overlay/content/mount');

let answerProfiles: (profiles: SiteProfile[]) => void = () => undefined;

/** A job page the built-in schema.org reader understands, with a heading a taught profile may read instead. */
function renderJob() {
  const h2 = document.createElement('h2');
  h2.textContent = 'Social Worker (taught reading)';
  document.body.append(jobPostingScript('Social Worker', '2002'), h2);
}

const openedTitles = () => asked.filter((r) => r.type === 'overlay:open').map((r) => (r.page as { title?: string }).title);
let stop = () => undefined as void;
beforeEach(() => {
  resetContentHarness();
  background.profiles = () => new Promise<SiteProfile[]>((resolve) => (answerProfiles = resolve));
  history.replaceState(null, '', '/jobs/view/2002');
});
afterEach(() => {
  stop();
  document.body.replaceChildren();
});

describe('the first reading of a page', () => {
  it('opens the session before the taught profiles arrive, and frames it only once they have', async () => {
    renderJob();
    const fake = fakeContext();
    stop = fake.stop;
    const running = runPageOverlay(fake.ctx as never);
    await vi.waitFor(() => expect(openedTitles()).toEqual(['Social Worker']));
    await new Promise((r) => setTimeout(r, 20));
    expect(mounted).toEqual([]);
    answerProfiles([]);
    await running;
    await vi.waitFor(() => expect(mounted).toEqual([sessionId(1)]));
  });

  it('leaves reading a page that is still loading until its load event (or the profiles), so the page loads first', async () => {
    renderJob();
    Object.defineProperty(document, 'readyState', { value: 'interactive', configurable: true });
    try {
      const fake = fakeContext();
      stop = fake.stop;
      const running = runPageOverlay(fake.ctx as never);
      await new Promise((r) => setTimeout(r, 20));
      expect(openedTitles()).toEqual([]);
      Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
      window.dispatchEvent(new Event('load'));
      await vi.waitFor(() => expect(openedTitles()).toEqual(['Social Worker']));
      expect(mounted).toEqual([]);
      answerProfiles([]);
      await running;
      await vi.waitFor(() => expect(mounted).toHaveLength(1));
    } finally {
      delete (document as unknown as { readyState?: string }).readyState;
    }
  });

  it('reads the page again with a taught profile, and frames only that reading', async () => {
    renderJob();
    const fake = fakeContext();
    stop = fake.stop;
    const running = runPageOverlay(fake.ctx as never);
    await vi.waitFor(() => expect(openedTitles()).toHaveLength(1));
    const first = background.opened;
    answerProfiles([{ id: 'p1', host: location.hostname, pathPattern: '/jobs/view/*', kind: 'advert', fields: { title: 'h2' } }]);
    await running;
    await vi.waitFor(() => expect(mounted).toHaveLength(1));
    expect(openedTitles()).toEqual(['Social Worker', 'Social Worker (taught reading)']);
    expect(mounted).toEqual([sessionId(first + 1)]);
    await new Promise((r) => setTimeout(r, 20));
    expect(mounted).toHaveLength(1);
  });
});
