// Read by wxt.config.ts in Node as well as by the entrypoints: relative imports only, no browser APIs.
import { communitycare } from '../sites/communitycare';
import { matchesFor } from '../sites/index';
import type { SiteModule } from '../sites/types';

/**
 * Sites the overlay gets at install, as host permissions and the static content script:
 * Community Care Jobs, where every coordinator works. Every other site family is enabled by a
 * person, one host at a time (background/site-access.ts).
 */
export const INSTALLED_SITES: readonly SiteModule[] = [communitycare];

/** The installed sites' match patterns, from the site registry. */
export const installedSiteMatches = (): string[] => matchesFor(INSTALLED_SITES);

/** The static content script's matches: the installed sites, and the demo origin in builds made for `npm start`. */
export function contentScriptMatches(demoOrigin: string): string[] {
  return [...installedSiteMatches(), ...(demoOrigin ? [`${new URL(demoOrigin).origin}/*`] : [])];
}
