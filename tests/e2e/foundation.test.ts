import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { generateDemoCouncil } from '#demo/index';
import { overlay as overlayOf } from './support/overlay';

const ctx = e2eContext();
const httpUrl = (url: string) => url.replace(/^https:/, 'http:');

describe.skipIf(!ctx.chromium)('the built extension in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('mounts its overlay as an extension frame in a closed shadow root on a Community Care Jobs page', async () => {
    const page = await browser.context.newPage();
    const demo = generateDemoCouncil({ asOf: ctx.demoAsOf });
    await page.goto(httpUrl(demo.journeys.priya.advertUrl));
    await expect(page.title()).resolves.toContain('Social Worker');
    const overlay = await overlayOf(page, 15_000);
    await expect.poll(() => overlay.count(), { timeout: 15_000 }).toBe(1);
    // The host is in the page, but its root is closed: the page sees neither the frame nor the panel.
    const seenByPage = await page.evaluate(() => {
      const host = document.querySelector('shortlist-overlay');
      return { host: Boolean(host), root: host?.shadowRoot ?? null, frames: document.querySelectorAll('iframe').length };
    });
    expect(seenByPage).toEqual({ host: true, root: null, frames: 0 });
  });

  it("reaches the worker's /health from the extension", async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionPage('popup.html'));
    await expect.poll(() => page.getByTestId('server-status').textContent(), { timeout: 15_000 }).toContain(
      `Server connected (${ctx.workerUrl}`,
    );
  });
});
