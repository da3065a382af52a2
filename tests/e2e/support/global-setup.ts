import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildExtension } from '../../../scripts/lib/build-extension';
import { stopAll } from '../../../scripts/lib/processes';
import { applyLocalMigrations, ROOT, startLocalWorker } from '../../../scripts/lib/wrangler';
import { startPageServer } from '../../../scripts/lib/page-server';
import { E2E_PAGE_PORT, E2E_STATE_NAME, E2E_WORKER_PORT } from './hosts';
import { ATS_HOST } from '#demo/index';
import { seedDemoCouncil } from '../../../scripts/lib/demo';
import { e2ePageResolver } from './pages';

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  return candidates.find((p) => existsSync(p)) ?? null;
}

export default async function setup(project: TestProject) {
  const chromium = findChromium();
  const stateDir = path.join(ROOT, E2E_STATE_NAME);
  if (!chromium) {
    if (process.env.CI) throw new Error('CI: Chromium not found at /usr/bin/chromium; .ci/run must install it (apt-get install chromium).');
    console.warn('\n' + '!'.repeat(78) + '\n!! No Chromium found (/usr/bin/chromium): end-to-end tests are SKIPPED.\n!! Install it with: sudo apt-get install -y chromium\n' + '!'.repeat(78) + '\n');
    project.provide('e2e', { chromium: null, extensionDir: '', workerUrl: '', pageServerPort: E2E_PAGE_PORT, stateDir, demoAsOf: '' });
    return;
  }

  rmSync(stateDir, { recursive: true, force: true });
  mkdirSync(stateDir, { recursive: true });
  const d1 = path.join(stateDir, 'd1');
  const workerUrl = `http://127.0.0.1:${E2E_WORKER_PORT}`;

  // Build first: wrangler and Vite each want both cores.
  // The demo council's ATS host gets the overlay from the static content script in this build, as
  // if the person had enabled it: headless Chromium cannot answer a permission prompt.
  // E2E_EXTENSION_DIR runs the suites against another build (an older commit's, to see a new test fail there).
  const extensionDir = process.env.E2E_EXTENSION_DIR
    ? path.resolve(process.env.E2E_EXTENSION_DIR)
    : await buildExtension({ serverUrl: workerUrl, demoOrigin: `http://${ATS_HOST}`, outDir: `${E2E_STATE_NAME}/extension` });
  await applyLocalMigrations(d1);
  const worker = await startLocalWorker({ port: E2E_WORKER_PORT, persistTo: d1, quiet: !process.env.E2E_VERBOSE });
  const demo = await seedDemoCouncil(worker.url, d1);
  const pages = await startPageServer(E2E_PAGE_PORT, e2ePageResolver(demo.data));

  project.provide('e2e', { chromium, extensionDir, workerUrl: worker.url, pageServerPort: E2E_PAGE_PORT, stateDir, demoAsOf: demo.data.asOf });

  return async () => {
    pages.close();
    await stopAll();
  };
}
