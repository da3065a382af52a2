import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const DEMO = path.join(ROOT, 'demo');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts)$/.test(entry.name) ? [full] : [];
  });
}

/** Where an import specifier points, when it points into the repository at all. */
function target(file: string, spec: string): string | null {
  if (spec.startsWith('.')) return path.resolve(path.dirname(file), spec);
  if (spec.startsWith('#demo/')) return path.join(DEMO, spec.slice('#demo/'.length));
  if (/^(@@|~~)\//.test(spec)) return path.join(ROOT, spec.slice(3));
  return null;
}

describe('demo/ stays out of the product', () => {
  it('no module of the extension, the worker or shared/ imports the demo council (only scripts and tests do)', () => {
    const files = ['extension', 'worker/src', 'shared'].flatMap((d) => sourceFiles(path.join(ROOT, d)));
    expect(files.length).toBeGreaterThan(50);
    const offenders: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const [, spec] of source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const to = spec && target(file, spec);
        if (to && (to === DEMO || to.startsWith(DEMO + path.sep))) offenders.push(`${path.relative(ROOT, file)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
