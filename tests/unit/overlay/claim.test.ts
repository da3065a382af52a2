import { afterEach, describe, expect, it } from 'vitest';
import { runOncePerDocument } from '@/overlay/content/claim';

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
type Fake = ReturnType<typeof context>;
/** What the context of an orphaned copy says (the extension updated or removed): invalid, and never told so. */
const orphan = () => ({ isValid: false, onInvalidated: () => () => undefined }) as unknown as Fake;

/** Injects a copy of the overlay's script: returns the context it ran with, or null when it stood down. */
function inject(make: () => Fake = context): Fake | null {
  let ran: Fake | null = null;
  runOncePerDocument((ctx) => (ran = ctx as unknown as Fake), make as never);
  return ran;
}

afterEach(() => delete (globalThis as Record<symbol, unknown>)[Symbol.for('shortlist.page-overlay')]);

describe('one overlay per document', () => {
  it('runs the first copy injected into a document and no later one while it runs', () => {
    const first = inject();
    expect(first).not.toBeNull();
    // A second `complete`, a URL change, a bfcache restore, "Enable Shortlist on this site": each copy stands down.
    expect(inject()).toBeNull();
    expect(inject()).toBeNull();
    expect(first!.isValid).toBe(true);
  });

  it('runs a new copy once the running one is invalidated, or orphaned by an extension update', () => {
    inject()!.invalidate();
    expect(inject(orphan)).not.toBeNull();
    // The orphan cannot hold the document: the next copy runs.
    expect(inject()).not.toBeNull();
    expect(inject()).toBeNull();
  });

  it('makes no context for a copy that stands down (a WXT context would stop the running copy)', () => {
    inject();
    let made = 0;
    expect(inject(() => (made++, context()))).toBeNull();
    expect(made).toBe(0);
  });

  it('an older copy invalidated after a newer one took the document leaves the newer one holding it', () => {
    const older = inject()!;
    older.invalidate();
    const newer = inject()!;
    older.invalidate();
    expect(newer.isValid).toBe(true);
    expect(inject()).toBeNull();
  });
});
