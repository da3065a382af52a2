import type { ExtensionBrowser } from './browser';
import { e2eContext } from './context';

/** Demo tokens loaded by scripts/lib/demo.ts: `sl_demo_priya`, `sl_demo_tom`, ... */
export const demoTokenFor = (firstName: string) => `sl_demo_${firstName.toLowerCase()}`;

/** Signs the browser in through the options page, as a person would, and waits for the first sync. */
export async function signIn(browser: ExtensionBrowser, token: string, serverUrl = e2eContext().workerUrl): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionPage('options.html'));
  await page.getByLabel('Server URL').fill(serverUrl);
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Signed in as').waitFor({ timeout: 20_000 });
  await page.close();
}
