import { ContentScriptContext } from '#imports';

/**
 * One overlay per document. The background may inject the overlay's script into a document
 * more than once (a second `complete`, a URL change, a bfcache restore, "Enable Shortlist on
 * this site" on a page that has its overlay); every copy starts here, and only the first runs.
 * The running copy's context is kept in the extension's isolated world, whose global object
 * the page can neither see nor set, and which a document keeps for its life. A later copy runs
 * only once that context is invalid: the extension was updated or removed (an orphaned
 * script's `browser.runtime.id` is gone, and WXT's new context stops it) or it was stopped.
 * Synchronous from check to hold, so two copies cannot both start.
 */
const KEY = Symbol.for('shortlist.page-overlay');

type Slot = Record<symbol, Pick<ContentScriptContext, 'isValid'> | undefined>;

/** Runs the overlay with a new WXT context unless a valid one runs in this document; returns whether it ran. */
export function runOncePerDocument(run: (ctx: ContentScriptContext) => void, newContext = () => new ContentScriptContext('page-overlay')): boolean {
  const slot = globalThis as unknown as Slot;
  if (slot[KEY]?.isValid) return false;
  const ctx = newContext();
  slot[KEY] = ctx;
  ctx.onInvalidated(() => {
    if (slot[KEY] === ctx) delete slot[KEY];
  });
  run(ctx);
  return true;
}
