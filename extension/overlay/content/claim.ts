import type { ContentScriptContext } from '#imports';

/**
 * One overlay per document. The background claims a document before it injects the overlay's
 * content script (background/inject-overlay.ts runs claimDocument there); the content script
 * then holds the claim with its WXT context. Both run in the extension's isolated world, whose
 * global object the page cannot see, and which a document keeps for its life (a bfcache restore
 * included), so a second `complete`, a URL change or "Enable Shortlist on this site" on a page
 * that has its overlay injects nothing. A claim is free again once its holder is invalid: a
 * newer copy of the script started (WXT invalidates the older one) or the extension was updated
 * or removed (the orphaned script's `browser.runtime.id` is gone).
 */

interface Holder {
  readonly isValid: boolean;
}

/**
 * Runs in the page through `scripting.executeScript({ func })`, which sends its source alone: it
 * may use nothing from outside its own body (hence the key spelled out here and in holdDocument).
 * Synchronous, so two injections racing (the tab's `complete` and the popup's enable) cannot
 * both win. Returns whether this caller may inject.
 */
export function claimDocument(): boolean {
  const slot = globalThis as unknown as Record<symbol, Holder | 'claimed' | undefined>;
  const key = Symbol.for('shortlist.page-overlay');
  const held = slot[key];
  if (held === 'claimed' || (held !== undefined && held.isValid)) return false;
  slot[key] = 'claimed';
  return true;
}

/** The content script takes the document's claim for as long as its context is valid. */
export function holdDocument(ctx: Pick<ContentScriptContext, 'isValid' | 'onInvalidated'>): void {
  const slot = globalThis as unknown as Record<symbol, Holder | 'claimed' | undefined>;
  const key = Symbol.for('shortlist.page-overlay');
  slot[key] = ctx;
  ctx.onInvalidated(() => {
    if (slot[key] === ctx) delete slot[key];
  });
}
