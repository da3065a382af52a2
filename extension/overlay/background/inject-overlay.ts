import { browser } from '#imports';
import { claimDocument } from '@/overlay/content/claim';

/** The overlay's content script (entrypoints/page-overlay.content.ts), the same file for the installed sites and the enabled hosts. */
export const OVERLAY_SCRIPT = '/content-scripts/page-overlay.js';

/**
 * Puts the overlay into a tab's top document unless that document already has it (content/claim.ts):
 * claimed first, then the script injected into exactly the document claimed (a navigation in
 * between leaves the new document to its own `complete`). Returns whether it injected.
 */
export async function injectOverlay(tabId: number): Promise<boolean> {
  const [claim] = await browser.scripting.executeScript({ target: { tabId }, func: claimDocument });
  if (claim?.result !== true) return false;
  // Firefox gives no documentId: the tab's top frame then.
  const target = claim.documentId ? { tabId, documentIds: [claim.documentId] } : { tabId };
  await browser.scripting.executeScript({ target, files: [OVERLAY_SCRIPT] });
  return true;
}
