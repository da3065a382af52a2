/**
 * Bundle figures for `npm run bench`: the built Chrome extension's largest content script and
 * its background, gzipped (zlib's default level, as servers and stores compress). Runnable
 * alone: `npx jiti tests/bench/figures/bundle.ts` (builds into .e2e-bench/extension first).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildExtension } from '../../../scripts/lib/build-extension';
import type { Figure } from './figure';

export interface BundleSizes {
  /** Every script that runs in web pages, by file: [raw bytes, gzip bytes]: the content scripts and the overlay's, which the background injects. */
  contentScripts: Record<string, { raw: number; gzip: number }>;
  /** The content script every matching page runs (teach.js is loaded only when a person teaches). */
  largestContentScript: { file: string; raw: number; gzip: number };
  background: { raw: number; gzip: number };
  /** What overlay.html loads before it draws: its module script and the chunks it preloads (chunks loaded later on demand are not in it). */
  overlayFrame: { files: string[]; raw: number; gzip: number };
}

const sizeOf = (file: string) => {
  const bytes = readFileSync(file);
  return { raw: statSync(file).size, gzip: gzipSync(bytes).length };
};

/** The scripts a built HTML page loads at once: its module scripts and modulepreload links. */
function firstLoadOf(extensionDir: string, html: string): BundleSizes['overlayFrame'] {
  const page = readFileSync(path.join(extensionDir, html), 'utf8');
  const files = [...page.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const sizes = files.map((f) => sizeOf(path.join(extensionDir, f)));
  return { files, raw: sizes.reduce((n, s) => n + s.raw, 0), gzip: sizes.reduce((n, s) => n + s.gzip, 0) };
}

/** The overlay's script: not a WXT content script (extension/entrypoints/page-overlay.ts), so built beside the pages, not in content-scripts/. */
const OVERLAY_SCRIPT = 'page-overlay.js';

/** Sizes of a built chrome-mv3 folder. */
export function bundleSizes(extensionDir: string): BundleSizes {
  const dir = path.join(extensionDir, 'content-scripts');
  const contentScripts = Object.fromEntries([
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => [f, sizeOf(path.join(dir, f))] as const),
    ...(existsSync(path.join(extensionDir, OVERLAY_SCRIPT)) ? [[OVERLAY_SCRIPT, sizeOf(path.join(extensionDir, OVERLAY_SCRIPT))] as const] : []),
  ]);
  const [file, largest] = Object.entries(contentScripts).sort((a, b) => b[1].gzip - a[1].gzip)[0]!;
  return {
    contentScripts,
    largestContentScript: { file, ...largest },
    background: sizeOf(path.join(extensionDir, 'background.js')),
    overlayFrame: firstLoadOf(extensionDir, 'overlay.html'),
  };
}

export async function measure(): Promise<Record<string, Figure>> {
  const dir = await buildExtension({ serverUrl: 'http://127.0.0.1:8787', outDir: '.e2e-bench/extension' });
  const sizes = bundleSizes(dir);
  return {
    'bundle.content_script_gzip_bytes': sizes.largestContentScript.gzip,
    'bundle.background_gzip_bytes': sizes.background.gzip,
    // Each file gzipped on its own (as each is read), summed.
    'bundle.overlay_frame_gzip_bytes': sizes.overlayFrame.gzip,
  };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('tests/bench/figures/bundle.ts')) {
  console.log(JSON.stringify(await measure(), null, 2));
}
