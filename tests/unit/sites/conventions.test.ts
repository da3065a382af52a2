/**
 * Conventions enforced by a test, not a review (Refined GitHub's features test): every site
 * file is registered, ships test URLs and has at least one golden page that the repository
 * holds (tests/fixtures/pages), so a checkout without the saved real pages still tests it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry, siteModules } from '@/sites/index';
import type { SiteModule } from '@/sites/types';
import { repoRoot } from './helpers';
import { allPages, ownPages } from './pages';

const sitesDir = path.join(repoRoot, 'extension/sites');
const NOT_SITES = new Set(['index.ts', 'types.ts']);
const siteFiles = readdirSync(sitesDir).filter((f) => f.endsWith('.ts') && !NOT_SITES.has(f));
const pages = allPages();
const profiles = pages.flatMap((p) => (p.profile ? [p.profile] : []));
const registered = registry(profiles);

/** The SiteModule a file exports: a module object, or (taught.ts) one built from profiles. */
async function moduleOf(file: string): Promise<SiteModule | undefined> {
  const exports = (await import(`@/sites/${file.replace(/\.ts$/, '')}`)) as Record<string, unknown>;
  for (const value of Object.values(exports)) {
    if (value && typeof value === 'object' && 'detect' in value && 'extract' in value) return value as SiteModule;
    if (typeof value === 'function' && value.name === 'taughtModule') return (value as (p: typeof profiles) => SiteModule)(profiles);
  }
  return undefined;
}

describe('site conventions', () => {
  it('finds the site files', () => {
    expect(siteFiles.length).toBeGreaterThanOrEqual(15);
  });

  describe.each(siteFiles)('%s', (file) => {
    it('exports a SiteModule that the registry holds', async () => {
      const module = await moduleOf(file);
      expect(module, `${file} exports no SiteModule`).toBeDefined();
      expect(registered.map((m) => m.id)).toContain(module?.id);
    });

    it('has test URLs', async () => {
      const module = await moduleOf(file);
      expect(module?.testUrls.match.length).toBeGreaterThan(0);
    });

    it('has at least one golden page of our own that it reads', async () => {
      const module = await moduleOf(file);
      const golden = ownPages().filter((p) => p.module === module?.id && p.kind);
      expect(golden.map((p) => p.key), `${file}: add a page to tests/fixtures/pages and its expected.json entry`).not.toEqual([]);
    });

    it('keeps detection pure: no location, document or window', () => {
      const source = readFileSync(path.join(sitesDir, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(source).not.toMatch(/\b(window|document|location|chrome|browser)\s*\./);
      expect(source).not.toMatch(/\.innerHTML\b/);
    });
  });

  it('puts the generic readers after every specific module, JSON-LD first among them, and every id once', () => {
    const firstGeneric = siteModules.findIndex((m) => m.generic);
    expect(firstGeneric).toBeGreaterThan(0);
    expect(siteModules.slice(firstGeneric).every((m) => m.generic)).toBe(true);
    expect(siteModules.filter((m) => m.generic).map((m) => m.id)).toEqual(['jsonld', 'generic-advert', 'generic-listing']);
    const ids = registered.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps shared readers free of browser globals and innerHTML too', () => {
    const readDir = path.join(sitesDir, 'read');
    for (const file of readdirSync(readDir)) {
      const source = readFileSync(path.join(readDir, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(source, file).not.toMatch(/\b(window|document|location)\s*\./);
      expect(source, file).not.toMatch(/\.innerHTML\b/);
    }
  });
});
