import { defineContentScript } from '#imports';
import { runPageOverlay } from '@/overlay/content/mount';

/**
 * The overlay, on the installed sites and on the hosts a person enabled alike. In no manifest
 * and registered nowhere: the background injects it into a page once the page has loaded
 * (overlay/background/page-loads.ts), so no content script runs before a page's `load`.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main: (ctx) => runPageOverlay(ctx),
});
