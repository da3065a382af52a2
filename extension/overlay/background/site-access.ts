import { browser } from '#imports';

const SCRIPT_ID = 'shortlist-sites';
const SCRIPT_FILE = 'content-scripts/sites.js' as const;

/** Origins the manifest grants at install: the overlay there comes from the static content script. */
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

/** Keeps the run-time content script registered for exactly the enabled hosts. */
export async function syncSiteRegistration(): Promise<string[]> {
  const origins = await enabledOrigins();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (!origins.length) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return [];
  }
  const script = { id: SCRIPT_ID, matches: origins, js: [SCRIPT_FILE], runAt: 'document_end' as const, persistAcrossSessions: true };
  if (existing.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return origins;
}

/** Background start-up: follow permission grants and removals. */
export function watchSiteAccess(): void {
  void syncSiteRegistration().catch((err) => console.warn('Shortlist: content script registration failed', err));
  browser.permissions.onAdded.addListener(() => void syncSiteRegistration());
  browser.permissions.onRemoved.addListener(() => void syncSiteRegistration());
}

/**
 * From the popup (a user gesture): ask for this one site, then show the overlay on the open
 * tab at once. Returns whether access was granted.
 */
export async function enableSite(tabId: number, url: string): Promise<boolean> {
  const origin = originPattern(url);
  const granted = await browser.permissions.request({ origins: [origin] });
  if (!granted) return false;
  await syncSiteRegistration();
  await browser.scripting.executeScript({ target: { tabId }, files: [`/${SCRIPT_FILE}` as const] });
  return true;
}
