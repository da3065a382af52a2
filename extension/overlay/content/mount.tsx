import { browser, createShadowRootUi, type ContentScriptContext, type ShadowRootContentScriptUi } from '#imports';
import { render } from 'preact';
import type { SiteProfile } from '@/sites/index';
import type { SiteResult } from '@/sites/types';
import { PageOverlay } from '@/overlay/ui/PageOverlay';
import { TeachPanel } from '@/overlay/ui/TeachPanel';
import { PROTOCOL } from '@/messages/protocol';
import { askBackground } from './ask';
import { placeListingBadges } from './badges';
import { recogniseWithDemoAlias } from './demo-alias';

const RETRY_MS = 1500;
/** Pages rendered by script (Jobtrain...) are read again for this long before giving up quietly. */
const RETRY_FOR_MS = 20_000;

/** What was read from the page, as a key: the overlay re-renders only when it changes. */
const keyOf = (r: SiteResult | null) => (r ? JSON.stringify(r) : '');

/**
 * Reads the page with the site modules (taught profiles first) and shows the overlay; follows
 * URL changes of single-page apps; shows nothing, and throws nothing, on pages it cannot read.
 */
export async function runPageOverlay(ctx: ContentScriptContext): Promise<void> {
  let profiles: SiteProfile[] = [];
  const loadProfiles = async () => {
    try {
      profiles = await askBackground({ type: 'overlay:profiles', host: location.hostname });
    } catch {
      profiles = [];
    }
  };
  await loadProfiles();
  let teaching = false;
  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  let shownKey = '';
  let lastUrl = '';
  let urlSince = Date.now();

  async function show(result: SiteResult) {
    ui?.remove();
    ui = await createShadowRootUi(ctx, {
      name: 'shortlist-overlay',
      position: 'overlay',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        render(<PageOverlay result={result} onListing={(badges) => result.kind === 'advert-list' && placeListingBadges(document, result, badges)} />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
  }

  /** Teach mode, started from the popup: the overlay steps aside until the profile is saved or cancelled. */
  async function teach() {
    if (teaching) return;
    teaching = true;
    ui?.remove();
    ui = null;
    shownKey = '';
    const teachUi = await createShadowRootUi(ctx, {
      name: 'shortlist-teach',
      position: 'overlay',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        const done = async () => {
          teachUi.remove();
          teaching = false;
          lastUrl = ''; // read the page afresh with the new profile
          await loadProfiles();
          await check();
        };
        render(<TeachPanel onDone={() => void done()} />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    teachUi.mount();
  }
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id === browser.runtime.id && PROTOCOL['teach:start'].request.safeParse(message).success) void teach();
  });

  async function check() {
    if (teaching) return;
    if (location.href !== lastUrl) {
      lastUrl = location.href;
      urlSince = Date.now();
    } else if (shownKey !== '' || Date.now() - urlSince >= RETRY_FOR_MS) {
      // Same page, already read (or given up on): reading it again would only cost the page time.
      return;
    }
    let result: SiteResult | null = null;
    try {
      result = recogniseWithDemoAlias(new URL(location.href), document, profiles)?.result ?? null;
    } catch {
      result = null;
    }
    const key = keyOf(result);
    if (key === shownKey) return;
    if (!result) {
      // Give script-rendered pages time; after that a page we cannot read shows nothing.
      if (Date.now() - urlSince < RETRY_FOR_MS && shownKey === '') return;
      ui?.remove();
      ui = null;
      shownKey = '';
      return;
    }
    shownKey = key;
    await show(result);
  }

  await check();
  ctx.setInterval(() => void check().catch(() => undefined), RETRY_MS);
  ctx.addEventListener(window, 'wxt:locationchange', () => void check().catch(() => undefined));
}
