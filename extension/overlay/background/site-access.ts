import { browser } from '#imports';
import { patternCovers } from '@/overlay/match-pattern';
import { injectOverlay } from './inject-overlay';

/** Builds before the overlay was injected at `load` registered it for enabled hosts under this id, persisted across sessions. */
const LEGACY_SCRIPT_ID = 'shortlist-sites';

/** Origins the manifest grants at install (the installed sites, the sync server, a demo origin). */
function builtIn(): string[] {
  return (browser.runtime.getManifest().host_permissions ?? []) as string[];
}

/** Hosts a person enabled at run time ("Enable Shortlist on this site"). */
export async function enabledOrigins(): Promise<string[]> {
  const granted = (await browser.permissions.getAll()).origins ?? [];
  const fixed = new Set(builtIn());
  return granted.filter((o) => !fixed.has(o));
}

export const originPattern = (url: string) => `${new URL(url).origin}/*`;

/** The manifest's hosts the overlay comes to by itself (overlay/matches.ts: installedOverlayMatches): all but the sync server's. */
function installedOverlayOrigins(): string[] {
  const server = new URL(__SHORTLIST_SERVER_URL__);
  return builtIn().filter((p) => !patternCovers(p, server));
}

/** Whether the overlay belongs on a page at this URL: an installed site, or a host a person enabled (never the sync server). */
export async function overlayRunsOn(url: URL): Promise<boolean> {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (installedOverlayOrigins().some((p) => patternCovers(p, url))) return true;
  return (await enabledOrigins()).some((p) => patternCovers(p, url));
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
