/**
 * `npm start`'s browser window, as `wxt` dev opens one: Chromium (or Chrome) with the freshly
 * built extension, a profile of its own under .output/, the demo pages at their real URLs (their
 * host names mapped onto the page server), signed in as the coordinator, on the demo index.
 */
import { existsSync, rmSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import { signInThroughOptions } from './sign-in';

type Env = Record<string, string | undefined>;

/** Where Chromium or Chrome usually is; CHROME_PATH first. */
export function browserCandidates(env: Env = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const fromEnv = [env.CHROME_PATH, env.CHROMIUM_PATH].filter((p): p is string => !!p);
  if (platform === 'darwin') {
    return [...fromEnv, '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  }
  if (platform === 'win32') {
    const dirs = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((p): p is string => !!p);
    return [...fromEnv, ...dirs.map((d) => `${d}\\Google\\Chrome\\Application\\chrome.exe`)];
  }
  return [...fromEnv, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
}

export type BrowserPlan = { open: true; executablePath: string } | { open: false; reason: string };

/** Whether `npm start` opens a window, and with which browser; why not, when it does not. */
export function planBrowser(args: readonly string[], env: Env = process.env, platform: NodeJS.Platform = process.platform, exists: (p: string) => boolean = existsSync): BrowserPlan {
  if (args.includes('--no-browser')) return { open: false, reason: '--no-browser' };
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { open: false, reason: 'no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  const executablePath = browserCandidates(env, platform).find((p) => exists(p));
  if (!executablePath) return { open: false, reason: 'no Chromium or Chrome found (set CHROME_PATH)' };
  return { open: true, executablePath };
}

/** Chromium's rule sending each demo host name to the page server; every other name resolves as usual. */
export const hostResolverRules = (hosts: readonly string[], pagePort: number): string => hosts.map((h) => `MAP ${h} 127.0.0.1:${pagePort}`).join(', ');

export interface DemoBrowserOptions {
  executablePath: string;
  extensionDir: string;
  profileDir: string;
  /** Host names the demo pages imitate, served by the page server. */
  hosts: readonly string[];
  pagePort: number;
  workerUrl: string;
  token: string;
  indexUrl: string;
}

export async function openDemoBrowser(options: DemoBrowserOptions): Promise<BrowserContext> {
  // A fresh profile each run, as wxt dev does: signed in as the coordinator on today's demo data.
  rmSync(options.profileDir, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(options.profileDir, {
    executablePath: options.executablePath,
    headless: false,
    viewport: null,
    // npm start stops the browser itself on Ctrl-C, after which it stops the worker: Playwright's
    // own handlers would end the process first and leave `wrangler dev` running.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // No "controlled by automated test software" bar: this window is the person's.
    ignoreDefaultArgs: ['--enable-automation'],
    args: [
      `--disable-extensions-except=${options.extensionDir}`,
      `--load-extension=${options.extensionDir}`,
      `--host-resolver-rules=${hostResolverRules(options.hosts, options.pagePort)}`,
      '--window-size=1280,800',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-sync',
      // No "unsupported command-line flag" bar for --host-resolver-rules.
      '--test-type',
      // The page server speaks plain http: no automatic upgrade to https. Branded Chrome 137+
      // ignores --load-extension unless DisableLoadExtensionCommandLineSwitch is turned off.
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,DisableLoadExtensionCommandLineSwitch',
      // Chromium refuses to run as root with its sandbox (containers, CI machines).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const background = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(background.url()).host;
  const options_ = await signInThroughOptions(context, `chrome-extension://${extensionId}/options.html`, options.workerUrl, options.token);
  const first = context.pages().find((p) => p !== options_) ?? (await context.newPage());
  await first.goto(options.indexUrl);
  await options_.close();
  await first.bringToFront();
  return context;
}
