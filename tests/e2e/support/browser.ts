import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { e2eContext } from './context';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  background: Worker;
  /** URL of one of the extension's pages, e.g. extensionPage('popup.html'). */
  extensionPage(file: string): string;
  close(): Promise<void>;
}

/** Headless Chromium's switches for a quiet, repeatable profile: no sandbox, GPU, background fetches or first-run. */
export const QUIET_CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
];

/** Every host name but the local worker's reaches the page server, so pages keep their real URLs. */
export const mapHostsTo = (pagePort: number) => `--host-resolver-rules=MAP * 127.0.0.1:${pagePort}, EXCLUDE 127.0.0.1, EXCLUDE localhost`;

/**
 * Debian's Chromium with the built extension loaded, in a profile of its own. By default the
 * suite's build, every host name but localhost's mapped onto the page server; `extensionDir`
 * and `mapHosts: false` give the browser of the README's manual steps (another build, no mapping).
 */
export async function launchWithExtension(options: { profileDir?: string; extensionDir?: string; mapHosts?: boolean } = {}): Promise<ExtensionBrowser> {
  const ctx = e2eContext();
  const profileDir = options.profileDir ?? mkdtempSync(path.join(os.tmpdir(), 'shortlist-profile-'));
  const extensionDir = options.extensionDir ?? ctx.extensionDir;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: ctx.chromium!,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.mapHosts === false ? [] : [mapHostsTo(ctx.pageServerPort)]),
      ...QUIET_CHROMIUM_ARGS,
    ],
  });
  const background = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(background.url()).host;
  return {
    context,
    extensionId,
    background,
    extensionPage: (file) => `chrome-extension://${extensionId}/${file}`,
    close: () => context.close(),
  };
}
