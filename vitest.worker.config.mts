import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// Worker tests run inside workerd with a real D1; the real migration files are applied
// by tests/worker/apply-migrations.ts before each test file.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, 'worker/migrations'));
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.jsonc' },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            // Seed and number of the random sync histories (tests/worker/convergence.property.test.ts).
            SYNC_PROPERTY_SEED: process.env.SYNC_PROPERTY_SEED ?? '20260302',
            SYNC_PROPERTY_RUNS: process.env.SYNC_PROPERTY_RUNS ?? '30',
          },
        },
      }),
    ],
    resolve: { alias: { '#shared': path.join(import.meta.dirname, 'shared') } },
    test: {
      // The contract suite's worker half; its fake half runs in vitest.unit.config.ts.
      include: ['tests/worker/**/*.test.ts', 'tests/contract/worker.test.ts'],
      setupFiles: ['tests/worker/apply-migrations.ts'],
    },
  };
});
