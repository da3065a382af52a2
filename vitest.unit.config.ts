import path from 'node:path';
import preact from '@preact/preset-vite';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { defineConfig } from 'vitest/config';

// Unit tests: shared domain code (Node), extension logic with fake-indexeddb and WXT's fake
// browser, Preact components (files opt into `// @vitest-environment happy-dom`).
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  resolve: { alias: { '#shared': path.join(import.meta.dirname, 'shared'), '#demo': path.join(import.meta.dirname, 'demo') } },
  test: {
    // The contract suite's fake half; its worker half runs in vitest.worker.config.mts.
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/contract/fake.test.ts'],
    environment: 'node',
    benchmark: { include: ['tests/bench/**/*.bench.{ts,tsx}'] },
  },
});
