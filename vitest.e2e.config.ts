import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The suites share one demo council on one local server and some of them change it: they run
 * in name order, every time, so a run is repeatable (journey checks first, bulk changes later).
 */
class ByName extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

// End-to-end: real Chromium with the built extension, against `wrangler dev` and local pages.
// One browser at a time on a 2-core machine: files run one after another.
export default defineConfig({
  resolve: { alias: { '#shared': path.join(import.meta.dirname, 'shared'), '#demo': path.join(import.meta.dirname, 'demo') } },
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    fileParallelism: false,
    sequence: { sequencer: ByName },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
