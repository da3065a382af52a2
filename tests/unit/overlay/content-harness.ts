import type { SiteProfile } from '@/sites/index';
import type { AdvertSummary } from '@/overlay/views';

/**
 * Small fakes for testing runPageOverlay (the content script) without WXT or an extension:
 * the background it asks, the frame it mounts and WXT's ContentScriptContext. A test file mocks
 * `@/overlay/ask` and `@/overlay/content/frame-host` with this module, so they share its state:
 *   vi.mock('@/overlay/ask', () => import('./content-harness'));
 *   vi.mock('@/overlay/content/frame-host', () => import('./content-harness'));
 */

type Request = { type: string } & Record<string, unknown>;

/** Every request the content script sent to the background, in order. */
export const asked: Request[] = [];
/** The sessions given frames, in order. */
export const mounted: string[] = [];
/** How the fake background answers: `profiles` may return a promise the test resolves later. */
export const background = {
  opened: 0,
  profiles: (): SiteProfile[] | Promise<SiteProfile[]> => [],
  /** The summary overlay:open gives an advert (the real background gives one to tracked adverts only). */
  summary: undefined as AdvertSummary | undefined,
};

/** The session id the background gives the n-th page it opens. */
export const sessionId = (n: number) => n.toString(16).padStart(32, '0');

export function resetContentHarness() {
  asked.length = 0;
  mounted.length = 0;
  background.profiles = () => [];
  background.summary = undefined;
}

export async function askBackground(request: Request) {
  asked.push(request);
  if (request.type === 'overlay:profiles') return background.profiles();
  if (request.type === 'overlay:open') {
    const summary = (request.page as { kind: string }).kind === 'advert' ? background.summary : undefined;
    return { session: sessionId(++background.opened), placement: { right: 16, bottom: 16, collapsed: false }, badges: [], ...(summary ? { summary } : {}) };
  }
  throw new Error(`unexpected ${request.type}`);
}

/** The frame as the page holds it: a host element per session (the real one is an extension frame in a closed root). */
export function mountFrame(doc: Document, session: string) {
  mounted.push(session);
  const host = doc.createElement('shortlist-overlay');
  host.dataset.session = session;
  doc.body.append(host);
  return { session, place: () => undefined, remove: () => host.remove() };
}

/**
 * Stands in for WXT's ContentScriptContext: what runPageOverlay uses. `invalidate()` is what WXT
 * does when a newer copy of the script starts in the document (or the extension goes away).
 */
export function fakeContext() {
  const timers: ReturnType<typeof setInterval>[] = [];
  const abort = new AbortController();
  return {
    ctx: {
      setInterval: (fn: () => void, ms: number) => {
        const t = setInterval(() => abort.signal.aborted || fn(), ms);
        timers.push(t);
        return t;
      },
      addEventListener: (target: EventTarget, type: string, fn: EventListener) => target.addEventListener(type, fn, { signal: abort.signal }),
      get isValid() {
        return !abort.signal.aborted;
      },
      onInvalidated: (fn: () => void) => abort.signal.addEventListener('abort', fn),
    },
    invalidate: () => abort.abort(),
    stop: () => timers.forEach(clearInterval),
  };
}

/** A schema.org JobPosting as a job board renders it, inserted as text. */
export function jobPostingScript(title: string, reference: string) {
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  script.textContent = JSON.stringify({ '@context': 'https://schema.org', '@type': 'JobPosting', title, identifier: { '@type': 'PropertyValue', value: reference }, hiringOrganization: { '@type': 'Organization', name: 'Wessex Borough Council' }, datePosted: '2026-11-02', validThrough: '2026-12-14' });
  return script;
}
