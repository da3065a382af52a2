/**
 * `npm start`: the product on its embedded default. Applies the local D1 migrations, loads the
 * demo council (once), runs `wrangler dev` on 127.0.0.1:8787, builds the extension into
 * .output/chrome-mv3 pointed at it, and serves the demo pages. Ctrl-C stops everything.
 */
import { startPageServer } from './lib/page-server';
import { stopAll } from './lib/processes';
import { buildExtension } from './lib/build-extension';
import { applyLocalMigrations, DEFAULT_STATE, startLocalWorker } from './lib/wrangler';
import { demoPageResolver, seedDemoCouncil } from './lib/demo';

const WORKER_PORT = Number(process.env.PORT ?? 8787);
const DEMO_PORT = Number(process.env.DEMO_PORT ?? 8790);
const workerUrl = `http://127.0.0.1:${WORKER_PORT}`;
const demoOrigin = `http://localhost:${DEMO_PORT}`;

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping Shortlist…');
  await stopAll();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  console.log('1/5 Applying D1 migrations to the local database…');
  await applyLocalMigrations(DEFAULT_STATE);
  console.log(`2/5 Starting the worker on ${workerUrl}…`);
  await startLocalWorker({ port: WORKER_PORT, persistTo: DEFAULT_STATE, quiet: !process.env.VERBOSE });
  console.log('3/5 Loading the demo council (skipped when already there)…');
  const demo = await seedDemoCouncil(workerUrl, DEFAULT_STATE);
  console.log('4/5 Building the extension…');
  const extensionDir = await buildExtension({ serverUrl: workerUrl, demoOrigin });
  console.log(`5/5 Serving demo pages on ${demoOrigin}…`);
  await startPageServer(DEMO_PORT, demoPageResolver(demo.data));

  console.log(`
Shortlist is running.
  Worker:      ${workerUrl}   (health: ${workerUrl}/health, API: ${workerUrl}/openapi.json)
  Extension:   ${extensionDir}
  Demo pages:  ${demoOrigin}/

Next:
  1. Open chrome://extensions, turn on Developer mode, "Load unpacked" and choose
     ${extensionDir}
  2. In Shortlist's options (right-click the toolbar icon, Options) sign in with
       Server URL:    ${workerUrl}
${demo.tokens.map((t) => `       ${t.label.padEnd(14)} ${t.token}`).join('\n')}
  3. Open ${demoOrigin}/ and follow the demo pages.
Press Ctrl-C to stop.`);
} catch (err) {
  console.error(`\nShortlist could not start: ${(err as Error).message}`);
  await shutdown(1);
}
