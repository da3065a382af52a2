// Types of the test environment: the worker's bindings plus the migrations injected by
// vitest.worker.config.mts, and the main module behind `exports` from cloudflare:workers.
declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import('../../worker/src/index');
  }
  interface Env {
    DB: D1Database;
    ALLOWED_ORIGINS: string;
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
  }
}
