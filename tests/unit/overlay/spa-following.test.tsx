// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * runPageOverlay on a single-page app: the content script's WXT context, shadow-root UI and the
 * background are replaced by small fakes, so what is tested is the page watching itself.
 */
const asked: Array<{ type: string } & Record<string, unknown>> = [];
vi.mock('@/overlay/content/ask', () => ({
  askBackground: async (request: { type: string } & Record<string, unknown>) => {
    asked.push(request);
    if (request.type === 'overlay:profiles') return [];
    if (request.type === 'overlay:advert') return { kind: 'advert', tracked: false, vacancies: [] };
    if (request.type === 'overlay:teams') return [];
    throw new Error(`unexpected ${request.type}`);
  },
}));
vi.mock('@/messages/send', () => ({ send: async () => ({ ok: false, error: 'offline in this test' }) }));
// WxtVitest turns '#imports' into WXT's own modules (and `browser` into its fake browser).
vi.mock('wxt/utils/content-script-ui/shadow-root', () => ({
  createShadowRootUi: async (_ctx: unknown, options: { name: string; onMount: (c: HTMLElement) => unknown; onRemove?: (c: HTMLElement) => void }) => {
    const host = document.createElement(options.name);
    const container = document.createElement('div');
    host.append(container);
    return {
      mount: () => {
        document.body.append(host);
        options.onMount(container);
      },
      remove: () => {
        options.onRemove?.(container);
        host.remove();
      },
    };
  },
}));
const { runPageOverlay } = await import('@/overlay/content/mount');

/** Stands in for WXT's ContentScriptContext: the two things runPageOverlay uses. */
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

/** What a single-page job board renders for one job: a schema.org JobPosting, inserted as text. */
function renderJob(title: string, id: string) {
  document.body.replaceChildren();
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  script.textContent = JSON.stringify({ '@context': 'https://schema.org', '@type': 'JobPosting', title, identifier: { '@type': 'PropertyValue', value: id }, hiringOrganization: { '@type': 'Organization', name: 'Wessex Borough Council' }, datePosted: '2026-11-02', validThrough: '2026-12-14' });
  const h1 = document.createElement('h1');
  h1.textContent = title;
  document.body.append(script, h1);
}
const overlayText = () => document.querySelector('shortlist-overlay')?.textContent ?? null;

let stop = () => undefined as void;
beforeEach(() => {
  asked.length = 0;
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
    await vi.waitFor(() => expect(overlayText()).toContain('Track this advert'));
    expect(overlayText()).toContain('Senior Social Worker – Assessment');

    // The app swaps the page and pushes a URL; WXT's context reports it as wxt:locationchange.
    history.pushState(null, '', '/jobs/view/1002');
    renderJob('Team Manager – Children in Care', '1002');
    window.dispatchEvent(new Event('wxt:locationchange'));
    await vi.waitFor(() => expect(overlayText()).toContain('Team Manager – Children in Care'));
    await vi.waitFor(() => expect(overlayText()).toContain('Track this advert'));
    expect(overlayText()).not.toContain('Senior Social Worker');
    expect(document.querySelectorAll('shortlist-overlay')).toHaveLength(1);
    const adverts = asked.filter((r) => r.type === 'overlay:advert').map((r) => r.url);
    expect(adverts).toEqual([`${location.origin}/jobs/view/1001`, `${location.origin}/jobs/view/1002`]);
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
    await vi.waitFor(() => expect(overlayText()).toContain('Social Worker – Leaving Care'));
    await vi.waitFor(() => expect(overlayText()).toContain('Track this advert'));

    // The app goes back to its search page: the overlay is removed, nothing is thrown.
    history.pushState(null, '', '/jobs/search');
    document.body.innerHTML = '<main><h1>Search results</h1></main>';
    await vi.advanceTimersByTimeAsync(1600);
    await vi.waitFor(() => expect(document.querySelector('shortlist-overlay')).toBeNull());
    expect(asked.filter((r) => r.type === 'overlay:advert')).toHaveLength(1);
  });
});
