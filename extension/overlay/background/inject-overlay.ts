import { browser } from '#imports';

/** The overlay's script (entrypoints/page-overlay.ts), the same file for the installed sites and the enabled hosts. */
export const OVERLAY_SCRIPT = '/page-overlay.js';

/**
 * Puts the overlay into a tab's top document. Harmless where it already runs: the script itself
 * starts only if the document has no running overlay (content/claim.ts).
 */
export async function injectOverlay(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [OVERLAY_SCRIPT] });
}
