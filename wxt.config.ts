import preact from '@preact/preset-vite';
import { minify } from 'terser';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { installedOverlayMatches, installedSiteMatches } from './extension/overlay/matches';

// The sync server the build talks to by default; `npm start` and the e2e run point it at
// `wrangler dev`. A signed-in user can change it in the options page.
const serverUrl = process.env.WXT_SERVER_URL ?? 'http://127.0.0.1:8787';
// Local demo pages (served by `npm start`) get the overlay only in builds made for them.
const demoOrigin = process.env.WXT_DEMO_ORIGIN ?? '';
// `npm run bench` builds the background with its answers timed (overlay/background/answer-timing.ts); builds people install carry no such instrument.
const answerTiming = process.env.WXT_ANSWER_TIMING === '1';

/** Hosts a person may enable at run time (the overlay then runs there too). */
const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];

function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/** Runs after Vite's own minifier (generateBundle sees the minified chunks). */
const terserOverMinified = (): Plugin => ({
  name: 'shortlist:terser-over-minified',
  apply: 'build',
  async generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk') chunk.code = (await minify(chunk.code, { compress: { passes: 3 } })).code ?? chunk.code;
  },
});

export default defineConfig({
  srcDir: 'extension',
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [preact()],
    // Dexie's ES2021 build (its README's choice for browsers): 2 KB gzip less in the background than
    // the default entry, which wraps the UMD build to guard against two copies (we bundle one).
    resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
    define: {
      __SHORTLIST_SERVER_URL__: JSON.stringify(serverUrl),
      __SHORTLIST_DEMO_ORIGIN__: JSON.stringify(demoOrigin),
      __SHORTLIST_ANSWER_TIMING__: JSON.stringify(answerTiming),
    },
  }),
  hooks: {
    // Terser's three passes (default, safe options) over the service worker once Vite has minified it:
    // 0.7 KB gzip less (issue 15). Terser instead of Vite's minifier would save nothing. Other bundles as they are.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((e) => e.type === 'background')) config.plugins = [...(config.plugins ?? []), terserOverMinified()];
    },
  },
  manifest: ({ browser }) => ({
    name: 'Shortlist',
    description: "Pipeline status, working-day targets and one-click capture on the job board and ATS pages of councils hiring children's social workers.",
    permissions: ['storage', 'alarms', 'notifications', 'scripting', 'activeTab'],
    // The installed sites (Community Care Jobs) from the site registry; every council ATS host is asked for at run time.
    host_permissions: [
      ...installedSiteMatches(),
      originPattern(serverUrl),
      // The demo origin with its port, exactly as the overlay's installed matches name it: a pattern
      // without the port would leave that pattern looking like a site enabled at run time.
      ...(demoOrigin ? [`${new URL(demoOrigin).origin}/*`] : []),
    ],
    optional_host_permissions: OPTIONAL_HOSTS,
    // No overlay content script here: the background injects it once a page has loaded
    // (overlay/background/page-loads.ts). Its frame (overlay.html), framed by that script into the
    // pages it reads: on the installed sites and on any host a person may enable. A page that
    // frames it itself gets an overlay with no session, which shows nothing (overlay/frame/main.tsx).
    web_accessible_resources: [{ resources: ['overlay.html'], matches: [...new Set([...installedOverlayMatches(demoOrigin), ...OPTIONAL_HOSTS])] }],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'shortlist@shortlist.example', strict_min_version: '128.0' } } }
      : {}),
  }),
});
