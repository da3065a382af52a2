/**
 * Golden tests on pages we wrote (tests/fixtures/pages), following the real markup where a
 * saved page shows it and documented markup where none exists: each is read by its module
 * at its URL and compared with our expected.json field by field. Our ordinary non-job pages
 * (silent/) are read by nothing.
 */
import { describe, expect, it } from 'vitest';
import { recognise, siteModules } from '@/sites/index';
import { taughtModule } from '@/sites/taught';
import type { SiteModule } from '@/sites/types';
import { docOf, ownExpected, ownPages, type TestPage } from './pages';

function moduleFor(page: TestPage): SiteModule {
  if (!page.module && !page.profile) throw new Error(`${page.key} has no module`);
  if (page.profile) return taughtModule([page.profile]);
  const module = siteModules.find((m) => m.id === page.module);
  if (!module) throw new Error(`no module ${page.module}`);
  return module;
}

describe('golden: pages written from documented markup', () => {
  const expected = ownExpected();
  for (const page of ownPages().filter((p) => !p.module)) {
    it(`${page.key} is not an advert: nothing recognises it`, () => {
      expect(expected[page.key]?.result).toBeNull();
      expect(recognise(new URL(page.url), docOf(page))).toBeNull();
    });
  }
  for (const page of ownPages().filter((p) => p.module)) {
    it(`${page.key} reads as our expected.json says`, () => {
      const want = expected[page.key]?.result;
      const module = moduleFor(page);
      const url = new URL(page.url);
      expect(module.detect(url), `${module.id} detects ${page.url}`).toBe(true);
      const result = module.extract(docOf(page), url);
      if (want === null) {
        expect(result).toBeNull();
        return;
      }
      expect(result).not.toBeNull();
      const got = result as unknown as Record<string, unknown>;
      expect(got.url).toBe(url.href);
      expect(got.site).toBe(want?.site ?? page.module);
      for (const [field, value] of Object.entries(want ?? {})) {
        expect(got[field], `${page.key}: ${field}`).toEqual(value);
      }
      // Nothing read that expected.json does not list (a stray field is a wrong reading).
      const extra = Object.keys(got).filter((k) => !['url', 'site'].includes(k) && !(k in (want ?? {})));
      expect(extra, `${page.key}: unexpected fields`).toEqual([]);
    });
  }
});
