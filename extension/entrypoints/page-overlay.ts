import { defineUnlistedScript } from '#imports';
import { runPageOverlay } from '@/overlay/content/mount';
import { runOncePerDocument } from '@/overlay/content/claim';

/**
 * The overlay, on the installed sites and on the hosts a person enabled alike. In no manifest
 * and registered nowhere: the background injects it into a page once the page has loaded
 * (overlay/background/page-loads.ts), so no content script runs before a page's `load`.
 * Unlisted rather than a WXT content script, because WXT's content-script wrapper starts a new
 * context (and so stops the running copy) before any of our code can see that the document
 * already has its overlay; here the check comes first (content/claim.ts).
 */
export default defineUnlistedScript(() => {
  runOncePerDocument((ctx) => void runPageOverlay(ctx));
});
