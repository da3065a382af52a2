// Read by wxt.config.ts in Node as well as by the extension: relative imports only, no browser APIs.
import { communitycare } from '../sites/communitycare';
import { matchesFor } from '../sites/index';
import type { SiteModule } from '../sites/types';

/**
 * Sites the overlay gets at install, as host permissions: Community Care Jobs, where every
 * coordinator works. Every other site family is enabled by a person, one host at a time
 * (background/site-access.ts).
 */
export const INSTALLED_SITES: readonly SiteModule[] = [communitycare];

/** The installed sites' match patterns, from the site registry. */
export const installedSiteMatches = (): string[] => matchesFor(INSTALLED_SITES);

/**
 * Where the overlay comes without anyone enabling it: the installed sites, and the demo origin
 * (with its port) in builds made for `npm start`. The manifest grants them as host permissions,
 * which is where the background reads them (background/site-access.ts: the site registry stays
 * out of the service worker).
 */
export function installedOverlayMatches(demoOrigin: string): string[] {
  return [...installedSiteMatches(), ...(demoOrigin ? [`${new URL(demoOrigin).origin}/*`] : [])];
}
