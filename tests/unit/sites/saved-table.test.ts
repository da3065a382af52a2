/**
 * The closing table of issue 14: for every saved real page, the module that read it and the
 * fields it read right out of those expected.json gives, plus whether "Track this advert"
 * would be offered. Printed with SHOW_TABLE=1; the test itself fails on any wrong field.
 *   SHOW_TABLE=1 npx vitest run --config vitest.unit.config.ts tests/unit/sites/saved-table.test.ts
 */
import { describe, expect, it } from 'vitest';
import { recognise } from '@/sites/index';
import { offerTrack } from '@/sites/read/confidence';
import { sharedPagesExist } from './helpers';
import { docOf, savedExpected, savedPages } from './pages';
import { checkPasses, savedChecks } from './saved-checks';

interface Row {
  page: string;
  module: string;
  right: number;
  expected: number;
  track: string;
  ms: number;
}

function rows(): Row[] {
  const expected = savedExpected();
  return savedPages().map((page) => {
    const want = expected[page.key] ?? {};
    const doc = docOf(page);
    const started = performance.now();
    const recognised = recognise(new URL(page.url), doc);
    const ms = performance.now() - started;
    if (!page.module) {
      // A page that is not an advert: right when nothing reads it.
      return { page: page.key, module: recognised?.module.id ?? '(none)', right: recognised ? 0 : 1, expected: 1, track: '-', ms };
    }
    const checks = savedChecks(want, recognised?.result ?? null, page.url);
    const result = recognised?.result;
    return {
      page: page.key,
      module: recognised?.module.id ?? '(none)',
      right: checks.filter(checkPasses).length,
      expected: checks.length,
      track: result?.kind === 'advert' ? (offerTrack(result) ? 'yes' : 'no') : '-',
      ms,
    };
  });
}

describe.skipIf(!sharedPagesExist)('saved pages table', () => {
  it('every saved page is read right, by the module its platform names (or by nothing)', () => {
    const table = rows();
    if (process.env.SHOW_TABLE) {
      const lines = ['| page | module that read it | fields right / expected | Track offered | recognise ms |', '|---|---|---|---|---|'];
      for (const r of table) lines.push(`| ${r.page} | ${r.module} | ${r.right} / ${r.expected} | ${r.track} | ${r.ms.toFixed(1)} |`);
      console.log(lines.join('\n'));
    }
    const pages = new Map(savedPages().map((p) => [p.key, p]));
    for (const r of table) {
      expect(r.right, r.page).toBe(r.expected);
      expect(r.module, r.page).toBe(pages.get(r.page)?.module ?? '(none)');
    }
  });
});
