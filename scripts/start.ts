/**
 * `npm start`: the product on its embedded default. Applies the local D1 migrations, loads the
 * demo council (once), runs `wrangler dev` on 127.0.0.1:8787, builds the extension into
 * .output/chrome-mv3 pointed at it, serves the demo pages, and opens Chromium on them signed in
 * as the coordinator (`--no-browser`, or no display, prints the manual steps instead).
 * Ctrl-C stops everything.
 */
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { ATS_HOST, COMMUNITY_CARE_HOST, PRIYA } from '#demo/index';
import { demoToken } from './lib/demo';
import { openDemoBrowser, planBrowser } from './lib/demo-browser';
import { DEMO_INDEX_HOST } from './lib/demo-pages';
import { startLocalDemo } from './lib/local-demo';
import { stopAll } from './lib/processes';
import { DEFAULT_STATE, ROOT } from './lib/wrangler';

const WORKER_PORT = Number(process.env.PORT ?? 8787);
const DEMO_PORT = Number(process.env.DEMO_PORT ?? 8790);

let stopping = false;
let browser: BrowserContext | undefined;
let stopDemo: (() => Promise<void>) | undefined;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping Shortlist…');
  await browser?.close().catch(() => undefined);
  await stopDemo?.();
  await stopAll();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  const local = await startLocalDemo({ workerPort: WORKER_PORT, demoPort: DEMO_PORT, stateDir: DEFAULT_STATE, quiet: !process.env.VERBOSE, log: console.log });
  stopDemo = local.stop;
  const { workerUrl, demoOrigin, extensionDir, demo } = local;
  console.log(`
Shortlist is running.
  Worker:      ${workerUrl}   (health: ${workerUrl}/health, API: ${workerUrl}/openapi.json)
  Extension:   ${extensionDir}
  Demo pages:  ${demoOrigin}/
  Tokens:
${demo.tokens.map((t) => `    ${t.label.padEnd(34)} ${t.token}`).join('\n')}`);

  const plan = planBrowser(process.argv.slice(2));
  if (plan.open) {
    const profileDir = path.join(ROOT, '.output/demo-profile');
    console.log(`\nOpening ${path.basename(plan.executablePath)} with the extension, signed in as ${PRIYA.name}…`);
    browser = await openDemoBrowser({
      executablePath: plan.executablePath,
      extensionDir,
      profileDir,
      hosts: [COMMUNITY_CARE_HOST, ATS_HOST, DEMO_INDEX_HOST],
      pagePort: DEMO_PORT,
      workerUrl,
      token: demoToken(PRIYA.id),
      indexUrl: `http://${DEMO_INDEX_HOST}/`,
    });
    browser.on('close', () => {
      if (!stopping) console.log('The browser window was closed; the worker and the demo pages are still running. Ctrl-C stops them.');
    });
    console.log(`
The demo is open in its own window (profile ${path.relative(ROOT, profileDir)}), on the index at http://${DEMO_INDEX_HOST}/.
Its pages have their real URLs (plain http, served locally), e.g. http://${COMMUNITY_CARE_HOST}/jobs/.
On the council's ATS (${ATS_HOST}) click the toolbar icon and "Enable Shortlist on this site".
Press Ctrl-C to stop everything; closing the window leaves the servers running.`);
  } else {
    console.log(`
Not opening a browser: ${plan.reason}. To follow the demo by hand:
  1. Open chrome://extensions, turn on Developer mode, "Load unpacked" and choose
     ${extensionDir}
  2. In Shortlist's options (right-click the toolbar icon, Options) sign in with
       Server URL:    ${workerUrl}
       Access token:  ${demoToken(PRIYA.id)}   (${PRIYA.name}, coordinator; the other tokens are above)
  3. Open ${demoOrigin}/ and follow the demo pages.
Press Ctrl-C to stop.`);
  }
} catch (err) {
  console.error(`\nShortlist could not start: ${(err as Error).message}`);
  await shutdown(1);
}
