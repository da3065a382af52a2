import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, PageResolver } from '../../../scripts/lib/page-server';
import { ROOT } from '../../../scripts/lib/wrangler';

/** Saved real pages, read in place from ../shared beside the project (never copied here). */
export const SAVED_PAGES_DIR = path.resolve(ROOT, '../shared/fixtures/pages');

interface SavedEntry {
  url?: string;
  encoding?: string;
}

function savedPagesByUrl(): Map<string, { file: string; encoding?: string }> {
  const map = new Map<string, { file: string; encoding?: string }>();
  const expectedFile = path.join(SAVED_PAGES_DIR, 'expected.json');
  if (!existsSync(expectedFile)) return map;
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Record<string, SavedEntry | string>;
  for (const [file, entry] of Object.entries(expected)) {
    if (typeof entry !== 'object' || !entry.url || !file.endsWith('.html')) continue;
    const u = new URL(entry.url);
    map.set(`${u.host}${u.pathname}${u.search}`, { file: path.join(SAVED_PAGES_DIR, file), encoding: entry.encoding });
  }
  return map;
}

const saved = savedPagesByUrl();

/** Serves saved pages at their real URLs; further sources are added by the suites that need them. */
export const resolveE2EPage: PageResolver = (host, pathWithQuery) => {
  const hit = saved.get(`${host}${pathWithQuery}`);
  if (hit) {
    const charset = hit.encoding?.toLowerCase() === 'iso-8859-1' ? 'iso-8859-1' : 'utf-8';
    return { body: readFileSync(hit.file), contentType: `text/html; charset=${charset}` } satisfies Page;
  }
  return null;
};
