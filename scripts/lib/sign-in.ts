import type { BrowserContext } from 'playwright-core';

/**
 * Signs the extension in through its options page, as a person does (server URL, access token,
 * Sign in), and waits until the page says who is signed in. Returns the options page, open.
 */
export async function signInThroughOptions(context: BrowserContext, optionsUrl: string, serverUrl: string, token: string, timeoutMs = 20_000) {
  const page = await context.newPage();
  await page.goto(optionsUrl);
  await page.getByLabel('Server URL').fill(serverUrl);
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Signed in as').waitFor({ timeout: timeoutMs });
  return page;
}
