import path from 'node:path';
import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium with the built extension, against `wrangler dev` and local pages.
// One browser at a time on a 2-core machine: files run one after another.
export default defineConfig({
  resolve: { alias: { '#shared': path.join(import.meta.dirname, 'shared') } },
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
