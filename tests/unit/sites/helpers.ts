/** Test helpers: parse saved pages with happy-dom (no scripts run), find fixture folders. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
/** Saved real pages: shared reference material, read in place, never copied into the repo. */
export const sharedPagesDir = path.resolve(repoRoot, '../shared/fixtures/pages');
export const sharedPagesExist = existsSync(path.join(sharedPagesDir, 'expected.json'));
/** Pages we wrote ourselves from documented markup. */
export const ownPagesDir = path.resolve(repoRoot, 'tests/fixtures/pages');

export function parseHtml(html: string, url = 'https://example.test/'): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigator: { userAgent: 'vitest' },
    },
  });
  const parser = new window.DOMParser();
  return parser.parseFromString(html, 'text/html') as unknown as Document;
}

/** Reads a page's bytes with the right decoding: the Civil Service pages are ISO-8859-1. */
export function readPage(file: string, encoding: 'utf-8' | 'latin1' = 'utf-8'): string {
  const bytes = readFileSync(file);
  // WHATWG "latin1" is windows-1252, as browsers decode ISO-8859-1 pages (0x92 is a quote).
  return new TextDecoder(encoding === 'latin1' ? 'latin1' : 'utf-8').decode(bytes);
}

/** A JSON-LD record (as NHS Jobs serves it) wrapped in the page that would carry it. */
export function jsonLdPage(json: string, title = 'Vacancy'): string {
  return `<!doctype html><html><head><title>${title}</title><script type="application/ld+json">${json}</script></head><body><h1>${title}</h1></body></html>`;
}

export function loadJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
