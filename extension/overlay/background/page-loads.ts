import { browser } from '#imports';
import { MAX_WAIT_FOR_LOAD_MS } from '@/overlay/page-load';
import { injectOverlay } from './inject-overlay';
import { dropLegacyRegistration, overlayRunsOn } from './site-access';

/**
 * The overlay arrives after the page's `load`: no content script runs in a page before it (even
 * an empty one costs the page about 2 ms, README "Speed"). The background follows its tabs'
 * loads (`tabs.onUpdated`, which shows a tab's URL only on hosts we hold, without the `tabs`
 * permission) and injects the overlay's script into the top document when the tab has
 * loaded, or once it has been loading for MAX_WAIT_FOR_LOAD_MS (ads, long polls: pages that
 * never finish). Which pages: site-access.ts; one overlay per document: content/claim.ts.
 */

/** What an update of a tab asks for: inject now, inject unless loaded soon, drop a pending injection, or nothing. */
export type PageLoadStep = 'inject' | 'wait' | 'forget' | 'ignore';

type Update = { status?: string };

/** The step for a tab's update (pure): `runsOn` says whether the tab's page gets the overlay. */
export async function stepFor(change: Update, tabUrl: string | undefined, runsOn: (url: URL) => Promise<boolean> | boolean): Promise<PageLoadStep> {
  // Titles, favicons, sound and the like: nothing to do, and no question asked.
  if (change.status !== 'loading' && change.status !== 'complete') return 'ignore';
  const url = URL.canParse(tabUrl ?? '') ? new URL(tabUrl!) : null;
  // No URL: a host we do not hold. Another page: whatever was pending for the tab is moot.
  if (!url || !(await runsOn(url))) return 'forget';
  return change.status === 'complete' ? 'inject' : 'wait';
}

export interface PageLoadFollower {
  onUpdated(tabId: number, change: Update, tab: { url?: string }): Promise<void>;
  onRemoved(tabId: number): void;
}

/**
 * Follows tabs' loads: each navigation's `loading` starts a fallback timer, its `complete`
 * injects at once and stops the timer; a later navigation of the tab starts afresh. Injecting
 * twice into one document is harmless (the second copy stands down), so nothing here has to
 * know which document a late timer or a second `complete` meets.
 */
export function followPageLoads(inject: (tabId: number, tabUrl?: string) => Promise<unknown>, runsOn: (url: URL) => Promise<boolean> | boolean = overlayRunsOn): PageLoadFollower {
  const fallbacks = new Map<number, ReturnType<typeof setTimeout>>();
  const forget = (tabId: number) => {
    clearTimeout(fallbacks.get(tabId));
    fallbacks.delete(tabId);
  };
  const injectQuietly = (tabId: number, tabUrl?: string) =>
    void inject(tabId, tabUrl).catch(() => {
      // The tab navigated, closed or shows an error page: its next load tries again.
    });
  return {
    async onUpdated(tabId, change, tab) {
      const step = await stepFor(change, tab.url, runsOn);
      if (step === 'ignore') return;
      forget(tabId);
      if (step === 'inject') injectQuietly(tabId, tab.url);
      else if (step === 'wait')
        fallbacks.set(
          tabId,
          setTimeout(() => {
            fallbacks.delete(tabId);
            injectQuietly(tabId);
          }, MAX_WAIT_FOR_LOAD_MS),
        );
    },
    onRemoved: forget,
  };
}

/**
 * Pages already open when the extension is installed or updated get the overlay without a reload
 * (an update's new copy takes over from the old), as if each had just loaded or were loading;
 * so does a page that loaded while the service worker was still starting.
 */
export function followOpenTabs(follower: PageLoadFollower, tabs: Array<{ id?: number; status?: string; url?: string }>): void {
  for (const tab of tabs) if (tab.id !== undefined) void follower.onUpdated(tab.id, { status: tab.status }, tab);
}

/**
 * Background start-up: listeners registered synchronously, so a tab's load wakes the service
 * worker (which then stays up far longer than the fallback's wait).
 */
export function watchPageLoads(): void {
  const follower = followPageLoads(injectOverlay);
  browser.tabs.onUpdated.addListener((tabId, change, tab) => void follower.onUpdated(tabId, change, tab));
  browser.tabs.onRemoved.addListener((tabId) => follower.onRemoved(tabId));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install' && reason !== 'update') return;
    if (reason === 'update') void dropLegacyRegistration().catch(() => undefined);
    void browser.tabs.query({}).then((tabs) => followOpenTabs(follower, tabs), () => undefined);
  });
}
