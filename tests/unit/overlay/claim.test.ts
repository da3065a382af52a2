import { afterEach, describe, expect, it } from 'vitest';
import { claimDocument, holdDocument } from '@/overlay/content/claim';

/** A WXT context as far as the claim sees it: valid until invalidated. */
function context() {
  const abort = new AbortController();
  return {
    get isValid() {
      return !abort.signal.aborted;
    },
    onInvalidated: (fn: () => void) => {
      abort.signal.addEventListener('abort', fn);
      return () => abort.signal.removeEventListener('abort', fn);
    },
    invalidate: () => abort.abort(),
  };
}
/** What a WXT context of an orphaned script (the extension updated or removed) says: invalid, and never told so. */
const orphan = { isValid: false, onInvalidated: () => () => undefined };

const KEY = Symbol.for('shortlist.page-overlay');
afterEach(() => delete (globalThis as Record<symbol, unknown>)[KEY]);

describe('one overlay per document', () => {
  it('lets the first injection claim a document and refuses every later one while the overlay runs there', () => {
    expect(claimDocument()).toBe(true);
    // Claimed, the script not started yet (the tab's `complete` and the popup's enable racing): refused.
    expect(claimDocument()).toBe(false);
    const ctx = context();
    holdDocument(ctx);
    // A second `complete`, a URL change, a bfcache restore, "Enable Shortlist on this site": refused.
    expect(claimDocument()).toBe(false);
    expect(claimDocument()).toBe(false);
  });

  it('frees the document when its overlay is invalidated: by a newer copy of the script, or the extension updated', () => {
    const ctx = context();
    holdDocument(ctx);
    ctx.invalidate();
    expect(claimDocument()).toBe(true);
    holdDocument(orphan);
    expect(claimDocument()).toBe(true);
  });

  it('an older copy invalidated after a newer one took the claim leaves the newer one holding it', () => {
    const older = context();
    holdDocument(older);
    const newer = context();
    holdDocument(newer);
    older.invalidate();
    expect(claimDocument()).toBe(false);
  });
});
