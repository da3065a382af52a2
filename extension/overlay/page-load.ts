/**
 * How long the overlay waits for a page's `load` before it comes anyway (slow, ad-laden pages,
 * long polls). The background injects the content script at the tab's `complete`, or once the
 * tab has been loading this long (background/page-loads.ts); the content script adds its frame
 * at the page's `load`, or this long after it started (content/mount.ts). No browser API here:
 * both sides import it.
 */
export const MAX_WAIT_FOR_LOAD_MS = 1500;
