import { browser } from '#imports';
import { leaveHint } from '@/overlay/page-hint';
import { placementAt } from './placements';
import { withoutFragment } from '@/overlay/tab-url';
import { pageUrlIn } from './sessions';
import { keptAt } from './summary-cache';

/** The overlay's script (entrypoints/page-overlay.ts), the same file for the installed sites and the enabled hosts. */
export const OVERLAY_SCRIPT = '/page-overlay.js';

/**
 * Puts the overlay into a tab's top document. Harmless where it already runs: the script itself
 * starts only if the document has no running overlay (content/claim.ts). Given the tab's URL, it
 * first hands the page the summary kept for the advert there, if any (overlay/page-hint.ts): sent
 * ahead of the script, which the browser has to read from disk, so it is there when the script starts.
 */
export async function injectOverlay(tabId: number, tabUrl?: string): Promise<void> {
  const url = tabUrl && withoutFragment(tabUrl);
  const kept = url && keptAt(pageUrlIn(url));
  if (kept) void browser.scripting.executeScript({ target: { tabId }, func: leaveHint, args: [{ url, ...kept, placement: await placementAt(new URL(url).host) }] }).catch(() => undefined);
  await browser.scripting.executeScript({ target: { tabId }, files: [OVERLAY_SCRIPT] });
}
