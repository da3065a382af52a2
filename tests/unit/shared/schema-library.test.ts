import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * The schemas are written with zod/mini (shared/schema/primitives.ts). One module importing
 * classic zod (`from 'zod'`) would put its whole method API and JSON Schema code back into every
 * bundle that loads it: 14 KB gzip in the background (issue 15's budget, tests/e2e/bundle-budget.test.ts),
 * and a second schema library beside the one both sides validate with.
 */
describe('one schema library: zod/mini', () => {
  it('no module of the extension, the worker or shared/ imports classic zod', () => {
    const files = globSync('{extension,worker/src,shared}/**/*.{ts,tsx,mts}', { cwd: ROOT });
    expect(files.length).toBeGreaterThan(50);
    const zodImports: string[] = [];
    for (const file of files) {
      const source = readFileSync(path.join(ROOT, file), 'utf8');
      for (const [, spec] of source.matchAll(/(?:from|import)\s*\(?\s*['"](zod(?:\/[^'"]*)?)['"]/g)) zodImports.push(`${file}: ${spec}`);
    }
    expect(zodImports.some((i) => i.startsWith('shared/schema/primitives.ts: zod/mini'))).toBe(true);
    expect(zodImports.filter((i) => !/: zod\/(mini|v4\/locales\/[a-z-]+\.js)$/.test(i))).toEqual([]);
  });
});

/**
 * zod/mini has no locale: English messages are configured by shared/schema/english.ts, imported
 * where a person reads a refusal (the worker, the extension's pages, the overlay frame's actions)
 * and never by the service worker, which leaves them out (tests/e2e/bundle-budget.test.ts checks
 * the built file). Today's messages in the worker: tests/worker/malformed.test.ts; in the pages:
 * tests/unit/extension/messages.test.ts.
 */
describe('zod’s English messages', () => {
  it('are configured by the worker, each extension page and the overlay frame’s actions, and by nothing else', () => {
    const files = globSync('{extension,worker/src,shared}/**/*.{ts,tsx,mts}', { cwd: ROOT });
    const configuring = files.filter((file) => /import\s+['"]#shared\/schema\/english['"]/.test(readFileSync(path.join(ROOT, file), 'utf8'))).sort();
    expect(configuring).toEqual([
      'extension/entrypoints/options/main.tsx',
      'extension/entrypoints/popup/main.tsx',
      'extension/entrypoints/workspace/main.tsx',
      'extension/overlay/frame/actions.ts',
      'worker/src/index.ts',
    ]);
    expect(files.filter((file) => readFileSync(path.join(ROOT, file), 'utf8').includes('zod/v4/locales/')).sort()).toEqual(['shared/schema/english.ts']);
  });
});
