// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SiteProfile } from '@/sites/index';

/**
 * runPageOverlay's first reading of a page: the session is opened while the taught profiles
 * are still on their way (one round trip before the frame, not two), and no frame is added
 * until they are here, so a profile that reads the page otherwise still wins.
 */
const asked: Array<{ type: string } & Record<string, unknown>> = [];
let answerProfiles: (profiles: SiteProfile[]) => void = () => undefined;
let opened = 0;
vi.mock('@/overlay/ask', () => ({
  askBackground: async (request: { type: string } & Record<string, unknown>) => {
    asked.push(request);
    if (request.type === 'overlay:profiles') return new Promise<SiteProfile[]>((resolve) => (answerProfiles = resolve));
    if (request.type === 'overlay:open') return { session: (++opened).toString(16).padStart(32, '0'), placement: { right: 16, bottom: 16, collapsed: false }, badges: [] };
    throw new Error(`unexpected ${request.type}`);
  },
}));
const mounted: string[] = [];
vi.mock('@/overlay/content/frame-host', () => ({
  mountFrame: (doc: Document, session: string) => {
    mounted.push(session);
    const host = doc.createElement('shortlist-overlay');
    doc.body.append(host);
    return { session, place: () => undefined, remove: () => host.remove() };
  },
}));
const { runPageOverlay } = await import('@/overlay/content/mount');

function fakeContext() {
  const timers: ReturnType<typeof setInterval>[] = [];
  return {
    ctx: {
      setInterval: (fn: () => void, ms: number) => {
        const t = setInterval(fn, ms);
        timers.push(t);
        return t;
      },
      addEventListener: (target: EventTarget, type: string, fn: EventListener) => target.addEventListener(type, fn),
    },
    stop: () => timers.forEach(clearInterval),
  };
}

/** A job page the built-in schema.org reader understands, with a heading a taught profile may read instead. */
function renderJob() {
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  script.textContent = JSON.stringify({ '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Social Worker', identifier: { '@type': 'PropertyValue', value: '2002' }, hiringOrganization: { '@type': 'Organization', name: 'Wessex Borough Council' }, datePosted: '2026-11-02', validThrough: '2026-12-14' });
  const h2 = document.createElement('h2');
  h2.textContent = 'Social Worker (taught reading)';
  document.body.append(script, h2);
}

const openedTitles = () => asked.filter((r) => r.type === 'overlay:open').map((r) => (r.page as { title?: string }).title);
let stop = () => undefined as void;
beforeEach(() => {
  asked.length = 0;
  mounted.length = 0;
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
    await vi.waitFor(() => expect(mounted).toEqual(['1'.padStart(32, '0')]));
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
    const first = opened;
    answerProfiles([{ id: 'p1', host: location.hostname, pathPattern: '/jobs/view/*', kind: 'advert', fields: { title: 'h2' } }]);
    await running;
    await vi.waitFor(() => expect(mounted).toHaveLength(1));
    expect(openedTitles()).toEqual(['Social Worker', 'Social Worker (taught reading)']);
    expect(mounted).toEqual([(first + 1).toString(16).padStart(32, '0')]);
    await new Promise((r) => setTimeout(r, 20));
    expect(mounted).toHaveLength(1);
  });
});
