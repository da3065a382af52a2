import { browser } from '#imports';
import { injectOverlay } from './inject-overlay';

/** Builds before the overlay was injected at `load` registered it for enabled hosts under this id, persisted across sessions. */
const LEGACY_SCRIPT_ID = 'shortlist-sites';

export const originPattern = (url: string) => `${new URL(url).origin}/*`;

/**
 * Whether the overlay belongs on a page at this URL: a host the extension holds, granted at
 * install (the installed sites, a demo origin) or enabled by a person, as the browser itself
 * matches them; never the sync server's own pages (its host is held for sync, not for the overlay).
 */
export async function overlayRunsOn(url: URL): Promise<boolean> {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.hostname === new URL(__SHORTLIST_SERVER_URL__).hostname) return false;
  return browser.permissions.contains({ origins: [originPattern(url.href)] });
}

/** An update from a build that registered a content script for the enabled hosts takes that registration out (its file is gone). */
export async function dropLegacyRegistration(): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [LEGACY_SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [LEGACY_SCRIPT_ID] });
}

/**
 * From the popup (a user gesture): ask for this one site, then show the overlay on the open
 * tab at once (its later page loads get it from the background). Returns whether access was granted.
 */
export async function enableSite(tabId: number, url: string): Promise<boolean> {
  const origin = originPattern(url);
  const granted = await browser.permissions.request({ origins: [origin] });
  if (!granted) return false;
  await injectOverlay(tabId);
  return true;
}
