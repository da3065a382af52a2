/**
 * Silence is a feature. Every specific module's extract returns null on every other site's
 * pages, whether read at that page's own URL or at one of the module's own URLs (so content,
 * not only the URL, decides). Every module, the generic readers included, returns null on
 * every page that is not an advert: the saved real ones and the ordinary pages we wrote
 * (tests/fixtures/pages/silent/). The generic readers keep to their kind of page.
 */
import { describe, expect, it } from 'vitest';
import { recognise, siteModules } from '@/sites/index';
import { findJsonLd } from '@/sites/read/jsonld';
import { readMicrodata } from '@/sites/read/microdata';
import { taughtModule } from '@/sites/taught';
import { allPages, docOf, silentPages } from './pages';

const pages = allPages();
const docs = new Map(pages.map((p) => [p.key, docOf(p)]));
const doc = (key: string) => docs.get(key) as Document;
const profiles = pages.flatMap((p) => (p.profile ? [p.profile] : []));
const modules = [taughtModule(profiles), ...siteModules];
const specific = modules.filter((m) => !m.generic);
const MADGEX_FAMILY = new Set(['communitycare', 'madgex']);

describe.each(specific.map((m) => [m.id, m] as const))('%s reads only its own pages', (id, module) => {
  const foreign = pages.filter((p) => p.module !== id && !(MADGEX_FAMILY.has(id) && MADGEX_FAMILY.has(p.module ?? '')));
  const ownUrl = module.testUrls.match[0] as string;

  it.each(foreign.map((p) => [p.key, p] as const))('null on %s', (key, page) => {
    expect(module.extract(doc(key), new URL(page.url))).toBeNull();
    expect(module.extract(doc(key), new URL(ownUrl))).toBeNull();
  });
});

describe('Madgex boards share markup', () => {
  it('communitycare and madgex read each other\'s pages only at their own URLs (detect keeps them apart)', () => {
    const cc = siteModules.find((m) => m.id === 'communitycare');
    const other = siteModules.find((m) => m.id === 'madgex');
    for (const page of pages.filter((p) => p.module === 'madgex')) expect(cc?.detect(new URL(page.url))).toBe(false);
    for (const page of pages.filter((p) => p.module === 'communitycare')) expect(other?.detect(new URL(page.url))).toBe(false);
  });
});

describe('silence: pages that are not adverts give nothing from any module', () => {
  const silent = silentPages();

  it('has saved non-adverts and ordinary pages of our own to test on', () => {
    expect(silent.filter((p) => p.source === 'own').length).toBeGreaterThanOrEqual(7);
  });

  describe.each(modules.map((m) => [m.id, m] as const))('%s', (_id, module) => {
    it.each(silent.map((p) => [p.key, p] as const))('null on %s', (key, page) => {
      expect(module.extract(doc(key), new URL(page.url))).toBeNull();
      for (const url of module.testUrls.match) expect(module.extract(doc(key), new URL(url))).toBeNull();
    });
  });

  it.each(silent.map((p) => [p.key, p] as const))('nothing recognises %s', (key, page) => {
    expect(recognise(new URL(page.url), doc(key), profiles)).toBeNull();
  });
});

describe('generic readers keep to their kind of page', () => {
  const jsonld = siteModules.find((m) => m.id === 'jsonld');
  const advert = siteModules.find((m) => m.id === 'generic-advert');
  const listing = siteModules.find((m) => m.id === 'generic-listing');
  const withoutPosting = pages.filter((p) => findJsonLd(doc(p.key)).length === 0 && !readMicrodata(doc(p.key)));

  it('has pages without a JobPosting to test on', () => {
    expect(withoutPosting.length).toBeGreaterThan(5);
  });

  it.each(withoutPosting.map((p) => [p.key, p] as const))('jsonld: null on %s (no JobPosting)', (key, page) => {
    expect(jsonld?.extract(doc(key), new URL(page.url))).toBeNull();
  });

  it.each(pages.filter((p) => p.kind === 'advert-list').map((p) => [p.key, p] as const))('generic-advert: a listing is not an advert (%s)', (key, page) => {
    expect(advert?.extract(doc(key), new URL(page.url))).toBeNull();
  });

  it.each(pages.filter((p) => p.kind === 'advert').map((p) => [p.key, p] as const))('generic-listing: an advert is not a listing (%s)', (key, page) => {
    expect(listing?.extract(doc(key), new URL(page.url))).toBeNull();
  });

  it.each(pages.filter((p) => p.kind === 'candidate').map((p) => [p.key, p] as const))('generic readers: a candidate screen is neither (%s)', (key, page) => {
    expect(advert?.extract(doc(key), new URL(page.url))).toBeNull();
    expect(listing?.extract(doc(key), new URL(page.url))).toBeNull();
  });
});
