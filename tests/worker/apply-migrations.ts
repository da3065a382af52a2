import { applyD1Migrations, env } from 'cloudflare:test';

// Only migrations not yet applied run, so this is safe once per test file.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
