import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, PageResolver } from '../../../scripts/lib/page-server';
import { ROOT } from '../../../scripts/lib/wrangler';
import { demoPageRoutes, type DemoCouncil } from '#demo/index';

/** Saved real pages, read in place from ../shared beside the project (never copied here). */
export const SAVED_PAGES_DIR = path.resolve(ROOT, '../shared/fixtures/pages');

interface SavedEntry {
  url?: string;
  encoding?: string;
}

/** Test pages we wrote from documented markup, for sites with no saved real page. */
export const OWN_PAGES_DIR = path.join(ROOT, 'tests/fixtures/pages');

function pagesByUrl(dir: string, map = new Map<string, { file: string; encoding?: string }>()) {
  const expectedFile = path.join(dir, 'expected.json');
  if (!existsSync(expectedFile)) return map;
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Record<string, SavedEntry | string>;
  for (const [file, entry] of Object.entries(expected)) {
    if (typeof entry !== 'object' || !entry.url || !file.endsWith('.html')) continue;
    const u = new URL(entry.url);
    map.set(`${u.host}${u.pathname}${u.search}`, { file: path.join(dir, file), encoding: entry.encoding });
  }
  return map;
}

const saved = pagesByUrl(OWN_PAGES_DIR, pagesByUrl(SAVED_PAGES_DIR));

/** Serves the demo council's pages, the saved real pages and our own test pages, each at its real host and path. */
export function e2ePageResolver(demo: DemoCouncil): PageResolver {
  const demoPages = new Map(demoPageRoutes(demo).map((r) => [`${r.host}${r.path}`, r.html]));
  return (host, pathWithQuery) => {
    const html = demoPages.get(`${host}${pathWithQuery}`);
    if (html !== undefined) return { body: html };
    const hit = saved.get(`${host}${pathWithQuery}`);
    if (hit) {
      const charset = hit.encoding?.toLowerCase() === 'iso-8859-1' ? 'iso-8859-1' : 'utf-8';
      return { body: readFileSync(hit.file), contentType: `text/html; charset=${charset}` } satisfies Page;
    }
    return null;
  };
}
