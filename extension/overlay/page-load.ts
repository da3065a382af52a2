/**
 * How long the overlay waits for a page's `load` before it comes anyway (slow, ad-laden pages,
 * long polls), counted from the navigation's start: the background injects the content script
 * at the tab's `complete` or after this long loading (background/page-loads.ts), and the
 * content script adds its frame at the page's `load` or once this much of the page's life has
 * passed (content/mount.ts). No browser API here: both sides import it.
 */
export const MAX_WAIT_FOR_LOAD_MS = 1500;
