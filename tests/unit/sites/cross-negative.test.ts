/**
 * Every specific module's extract returns null on every other site's pages, whether read
 * at that page's own URL or at one of the module's own URLs (so content, not only the URL,
 * decides). The generic JSON-LD module returns null on pages without a JobPosting.
 */
import { describe, expect, it } from 'vitest';
import { siteModules } from '@/sites/index';
import { findJsonLd } from '@/sites/read/jsonld';
import { readMicrodata } from '@/sites/read/microdata';
import { taughtModule } from '@/sites/taught';
import { allPages, docOf } from './pages';

const pages = allPages();
const docs = new Map(pages.map((p) => [p.key, docOf(p)]));
const profiles = pages.flatMap((p) => (p.profile ? [p.profile] : []));
const specific = [taughtModule(profiles), ...siteModules.filter((m) => m.id !== 'jsonld')];

describe.each(specific.map((m) => [m.id, m] as const))('%s reads only its own pages', (id, module) => {
  const foreign = pages.filter((p) => p.module !== id && !(id === 'communitycare' && p.module === 'madgex') && !(id === 'madgex' && p.module === 'communitycare'));
  const ownUrl = module.testUrls.match[0] as string;

  it.each(foreign.map((p) => [p.key, p] as const))('null on %s', (key, page) => {
    const doc = docs.get(key) as Document;
    expect(module.extract(doc, new URL(page.url))).toBeNull();
    expect(module.extract(doc, new URL(ownUrl))).toBeNull();
  });
});

describe('Madgex boards share markup', () => {
  it('communitycare and madgex read each other\'s pages only at their own URLs (detect keeps them apart)', () => {
    const cc = siteModules.find((m) => m.id === 'communitycare');
    const other = siteModules.find((m) => m.id === 'madgex');
    for (const page of pages.filter((p) => p.module === 'madgex')) {
      expect(cc?.detect(new URL(page.url))).toBe(false);
    }
    for (const page of pages.filter((p) => p.module === 'communitycare')) {
      expect(other?.detect(new URL(page.url))).toBe(false);
    }
  });
});

describe('jsonld generic', () => {
  const generic = siteModules.find((m) => m.id === 'jsonld');
  const withoutPosting = pages.filter((p) => {
    const doc = docs.get(p.key) as Document;
    return findJsonLd(doc).length === 0 && !readMicrodata(doc);
  });

  it('has pages without a JobPosting to test on', () => {
    expect(withoutPosting.length).toBeGreaterThan(5);
  });

  it.each(withoutPosting.map((p) => [p.key, p] as const))('null on %s (no JobPosting)', (key, page) => {
    expect(generic?.extract(docs.get(key) as Document, new URL(page.url))).toBeNull();
  });
});
