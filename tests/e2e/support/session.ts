import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { signInThroughOptions } from '../../../scripts/lib/sign-in';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { e2eContext } from './context';
import { openExtensionPage, syncUntilClean } from './extension-page';

/** Demo tokens loaded by scripts/lib/demo.ts: `sl_demo_priya`, `sl_demo_tom`, ... */
export const demoTokenFor = (firstName: string) => `sl_demo_${firstName.toLowerCase()}`;

/** Signs the browser in through the options page, as a person would, and waits for the first sync. */
export async function signIn(browser: ExtensionBrowser, token: string, serverUrl = e2eContext().workerUrl): Promise<void> {
  const page = await signInThroughOptions(browser.context, browser.extensionPage('options.html'), serverUrl, token);
  await page.close();
}

export interface Session {
  browser: ExtensionBrowser;
  /** The extension page opened once signed in (the options page unless told otherwise). */
  page: Page;
}

/**
 * One browser for a describe block: before its tests, launched and signed in as a demo person
 * (or by `launch`, for a profile that needs more set-up), an extension page opened and synced
 * until clean; closed after its tests. Read `browser` and `page` inside hooks and tests.
 */
export function signedInSession(person: string, options: { file?: string; launch?: (token: string) => Promise<ExtensionBrowser> } = {}): Session {
  const session = {} as Session;
  beforeAll(async () => {
    const token = demoTokenFor(person);
    if (options.launch) {
      session.browser = await options.launch(token);
    } else {
      session.browser = await launchWithExtension();
      await signIn(session.browser, token);
    }
    session.page = await openExtensionPage(session.browser, options.file);
    await syncUntilClean(session.page);
  });
  afterAll(async () => {
    await session.browser?.close();
  });
  return session;
}
