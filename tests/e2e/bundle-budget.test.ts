import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../../scripts/lib/build-extension';
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
 * The target of issue 15, met: 60 KB. It was a ratchet on the way there. The site registry is out of the
 * background now (81.7 KB from 95.2 KB). Raised from 84 KB to 86 KB for the eight retention
 * tables (issue 16), whose schemas the sync engine validates pulls with (85.2 KB); to 87 KB for a
 * member of staff's erasure applied on pull (shared/sync/erasure.ts and the references it reads
 * the staff's records by: 86.2 KB). Lowered to 71 KB (70.4 KB) by the shared schemas on zod/mini
 * (zod 25 KB to 11 KB: only the schema kinds and checks used, no methods, no JSON Schema) and
 * Dexie's ES2021 build (30.5 KB to 28.7 KB); to 67 KB (66.9 KB) by storage.local through our own
 * small module instead of @wxt-dev/storage and its lock (3 KB) and by the fixed lists' labels
 * left out of the service worker (0.5 KB); back to 68 KB (67.4 KB) for the advert summary the
 * background answers with and keeps warm (overlay/background/summary-cache.ts) and the exit
 * interviews' and incentives' need-to-know on pull. Lowered to 62 KB (61.5 KB, 63,022 B; the
 * demo build the e2e run makes, 63.2 KB) by: zod's English messages only where a person reads
 * them (shared/schema/english.ts: the worker and the pages, 1.0 KB); the overlay's writes made by its frame in a chunk loaded when a person acts
 * (overlay/frame/actions.ts: track, capture, move with planMove, the hire's holder, 2.5 KB);
 * duplicate warnings worded in the frame (0.4 KB); mutation and client ids from
 * crypto.randomUUID, so no uuidv7 library (1.4 KB); sign-in, sign-out and health done by the
 * options page and popup themselves (messages/page-requests.ts, 0.5 KB); the demo-URL mapping
 * left out of builds with no demo origin (0.15 KB, so not in the e2e build). Down to 59.7 KB
 * (61,096 B; the e2e's demo build 59.8 KB, 61,275 B) by: no generic writes by message (upsert,
 * appendStageEvent and eraseCandidate: only tests sent them; the pages and the overlay frame
 * write themselves, 0.2 KB); the sync wire schemas marked pure, so a bundler may drop them
 * (shared/schema/sync.ts, 0.3 KB); terser's three passes over Vite's minified output
 * (wxt.config.ts, 0.7 KB); the notifications' icon a file, not a data URL (0.2 KB); the page
 * facts a plain union, so no discriminated-union code from zod (messages/overlay.ts, 0.5 KB).
 * At 61,406 B (59.97 KB) with the kept counts handed to the page with the overlay's script and
 * each site's placement kept in memory (overlay/page-hint.ts, overlay/background/placements.ts:
 * +0.3 KB), paid for by leaving the answers' timing out of the builds people install (it is in
 * the bench's builds only, wxt.config.ts WXT_ANSWER_TIMING: 0.09 KB).
 * What remains (gzip of each part alone; they add up to more than the whole): Dexie 29.2 KB,
 * zod 11.8 KB, the table and message schemas 6.4 KB, sync (push, pull, engine, the invitation
 * page's sign-in, wipes) 7.3 KB, the local database's writes, erasures and retention 5.2 KB, the
 * overlay's sessions, lookups and summary 5.2 KB, working days, targets, stages and rota 5.7 KB,
 * badge and notifications 1.7 KB.
 */
const BACKGROUND_BUDGET = 60 * KB;
/**
 * What the overlay's frame loads before it draws (overlay.html's script and preloads): Preact
 * and the panels, no zod and no calendar (13.6 KB with the duplicate warnings' words; it was
 * 45.3 KB with the shared schemas in it). Its writes load with the database when a person acts.
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

  // The background as it ships: a build with no demo origin, as `npm run bench` measures it (the
  // e2e build also carries the demo pages' URL mapping, about 0.2 KB the published one has not).
  let shippedDir = '';
  beforeAll(async () => {
    shippedDir = await buildExtension({ serverUrl: 'http://127.0.0.1:8787', outDir: '.e2e-budget/extension' });
  }, 120_000);

  it(`the background is within ${BACKGROUND_BUDGET / KB} KB gzip`, () => {
    const { background } = bundleSizes(shippedDir);
    expect(background.gzip, `background.js: ${background.gzip} bytes`).toBeLessThanOrEqual(BACKGROUND_BUDGET);
  });

  it('the background carries neither zod’s English messages nor the uuidv7 library (the pages and the worker have them), nor an inlined image', () => {
    const code = readFileSync(path.join(ctx.extensionDir, 'background.js'), 'utf8');
    expect(code).not.toContain('Too big: expected');
    expect(code).not.toContain('fromFieldsV7');
    expect(code).not.toContain('data:image/');
    // The pages still word a refusal in English: the options page's own chunks carry the messages.
    const chunks = readdirSync(path.join(ctx.extensionDir, 'chunks')).filter((f) => f.endsWith('.js'));
    expect(chunks.some((f) => readFileSync(path.join(ctx.extensionDir, 'chunks', f), 'utf8').includes('Too big: expected'))).toBe(true);
  });
});
