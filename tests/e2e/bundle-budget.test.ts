import { describe, expect, it } from 'vitest';
import { bundleSizes } from '../bench/figures/bundle';
import { e2eContext } from './support/context';

/**
 * Bundle budgets of the build every e2e run makes (issue 15): over budget, the suite fails.
 * Sizes are gzip bytes of the built files, stable from run to run, unlike timings (which
 * `npm run bench` prints and no test asserts).
 */
const ctx = e2eContext();
const KB = 1024;

/** Every page of the overlay's sites gets this, after its `load`: the target of issue 15 (it was 64 KB with zod, the UI and the domain in it). */
const CONTENT_SCRIPT_BUDGET = 30 * KB;
/**
 * A ratchet, not the target: issue 15 asks for 60 KB. The site registry is out of the
 * background now (81.7 KB from 95.2 KB). Raised from 84 KB to 86 KB for the eight retention
 * tables (issue 16), whose schemas the sync engine validates pulls with (85.2 KB); to 87 KB for a
 * member of staff's erasure applied on pull (shared/sync/erasure.ts and the references it reads
 * the staff's records by: 86.2 KB). Lowered to 71 KB (70.4 KB) by the shared schemas on zod/mini
 * (zod 25 KB to 11 KB: only the schema kinds and checks used, no methods, no JSON Schema) and
 * Dexie's ES2021 build (30.5 KB to 28.7 KB); to 67 KB (66.9 KB) by storage.local through our own
 * small module instead of @wxt-dev/storage and its lock (3 KB) and by the fixed lists' labels
 * left out of the service worker (0.5 KB); back to 68 KB (67.4 KB) for the advert summary the
 * background answers with and keeps warm (overlay/background/summary-cache.ts) and the exit
 * interviews' and incentives' need-to-know on pull. What remains (gzip saved when each part is cut):
 * Dexie 28.7 KB, zod 10.8 KB with its English messages 1 KB, the schemas and message schemas
 * 5.4 KB, the overlay's answers (extension/overlay/background with the moves, holders and
 * uuidv7 only they use) 6.2 KB, sync, sign-in, badge, retention and working-day counts 15 KB.
 */
const BACKGROUND_BUDGET = 68 * KB;
const BACKGROUND_TARGET = 60 * KB;
/**
 * What the overlay's frame loads before it draws (overlay.html's script and preloads): Preact
 * and the panels, no zod and no calendar (13.1 KB; it was 45.3 KB with the shared schemas in it).
 */
const OVERLAY_FRAME_BUDGET = 16 * KB;

describe.skipIf(!ctx.chromium)('bundle budgets', () => {
  it(`the largest content script is within ${CONTENT_SCRIPT_BUDGET / KB} KB gzip`, () => {
    const { largestContentScript, contentScripts } = bundleSizes(ctx.extensionDir);
    // The overlay's (injected by the background after a page's load), the invitation page's and teach mode's: every one the build has.
    expect(Object.keys(contentScripts).sort()).toEqual(['invite.js', 'page-overlay.js', 'teach.js']);
    expect(largestContentScript.file).toBe('page-overlay.js');
    expect(largestContentScript.gzip, `${largestContentScript.file}: ${largestContentScript.gzip} bytes`).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
  });

  it(`the overlay frame loads at most ${OVERLAY_FRAME_BUDGET / KB} KB gzip before it draws`, () => {
    const { overlayFrame } = bundleSizes(ctx.extensionDir);
    expect(overlayFrame.files.length, 'overlay.html names its script').toBeGreaterThan(0);
    expect(overlayFrame.gzip, `${overlayFrame.files.join(', ')}: ${overlayFrame.gzip} bytes`).toBeLessThanOrEqual(OVERLAY_FRAME_BUDGET);
  });

  it(`the background is within ${BACKGROUND_BUDGET / KB} KB gzip (target ${BACKGROUND_TARGET / KB} KB)`, () => {
    const { background } = bundleSizes(ctx.extensionDir);
    expect(background.gzip, `background.js: ${background.gzip} bytes`).toBeLessThanOrEqual(BACKGROUND_BUDGET);
  });
});
