import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateDemoCouncil } from '#demo/index';
import { e2eContext } from './support/context';
import { overlay, overlayHostCount } from './support/overlay';
import { servedPage } from './support/served-page';
import { signedInSession } from './support/session';

/**
 * How the overlay arrives (issue 15, the page-load ratio): no content script runs in a page
 * before its `load`. The background injects the overlay when the tab has loaded, or once it has
 * been loading for 1.5 s (overlay/background/page-loads.ts), and never twice into one document.
 */
const ctx = e2eContext();
const http = (url: string) => url.replace(/^https:/, 'http:');

/** Watches the page from its first script: when `load` came, and when the first element of ours appeared. */
const WATCH = `(() => {
  const arrival = (window.__arrival = { load: null, firstSign: null });
  addEventListener('load', () => { arrival.load = performance.now(); });
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes)
      if (arrival.firstSign === null && n.localName && n.localName.startsWith('shortlist-')) arrival.firstSign = performance.now();
  }).observe(document, { childList: true, subtree: true });
})();`;

interface Arrival {
  load: number | null;
  firstSign: number | null;
  /** The content script's first mark (runPageOverlay started), on the page's clock. */
  started: number[];
}
const arrivalOf = (page: Page): Promise<Arrival> =>
  page.evaluate(() => ({ ...(window as unknown as { __arrival: Omit<Arrival, 'started'> }).__arrival, started: performance.getEntriesByName('shortlist:start').map((m) => m.startTime) }));

/** The demo advert with an image the page server holds back for `ms`, so the page's `load` (and the tab's `complete`) waits for it. */
async function advertWithSlowImage(page: Page, url: string, ms: number): Promise<void> {
  await page.addInitScript(WATCH);
  await page.route(url, async (route) => {
    const html = (await servedPage(url)).replace('</body>', `<img src="/__slow/${ms}.png" alt=""></body>`);
    await route.fulfill({ status: 200, body: html, contentType: 'text/html; charset=utf-8' });
  });
  await page.route('**/__slow/*.png', async (route) => {
    const wait = Number(/\/__slow\/(\d+)\.png/.exec(route.request().url())![1]);
    await new Promise((r) => setTimeout(r, wait));
    await route.fulfill({ status: 200, body: Buffer.alloc(0), contentType: 'image/png' }).catch(() => undefined);
  });
}

describe.skipIf(!ctx.chromium)('the overlay arrives after the page has loaded', () => {
  const demo = generateDemoCouncil({ asOf: ctx.demoAsOf });
  const url = http(demo.journeys.priya.advertUrl);
  const session = signedInSession('priya');

  /** Opens the advert with its image held back `ms`, waits for the overlay's counts, and says when what came. */
  async function arrivalWithImageHeld(ms: number): Promise<Arrival> {
    const page = await session.browser.context.newPage();
    await advertWithSlowImage(page, url, ms);
    await page.goto(url, { waitUntil: 'commit' });
    const o = await overlay(page);
    await expect.poll(() => o.getByTestId('applicant-total').textContent(), { timeout: 20_000 }).toContain('14 applicants');
    const a = await arrivalOf(page);
    await page.close();
    return a;
  }

  it('shows no sign of itself while an image holds the page’s `load` back for a second, then comes', async () => {
    const a = await arrivalWithImageHeld(1000);
    expect(a.load, 'the image held the load back').toBeGreaterThan(900);
    expect(a.started).toHaveLength(1);
    expect(a.started[0]!, 'the content script started after load').toBeGreaterThan(a.load!);
    expect(a.firstSign!, 'nothing of ours in the page before load').toBeGreaterThan(a.load!);
  });

  it('comes to a page still loading after 1.5 s without waiting for its `load`', async () => {
    const a = await arrivalWithImageHeld(15_000);
    expect(a.load, 'the page has not loaded yet').toBeNull();
    expect(a.started).toHaveLength(1);
    // 1.5 s after the tab started loading (the background's clock; the page's starts a little later).
    expect(a.started[0]!).toBeGreaterThan(1200);
    expect(a.started[0]!).toBeLessThan(6000);
  });

  it('on the next visit of a tracked advert draws its counts before its first round trip to the background, where the page cannot read them', async () => {
    const visit = async () => {
      const page = await session.browser.context.newPage();
      await page.goto(url);
      const o = await overlay(page);
      await expect.poll(() => o.getByTestId('applicant-total').textContent(), { timeout: 20_000 }).toContain('14 applicants');
      const marks = await page.evaluate(() => Object.fromEntries(['shortlist:summary', 'shortlist:opened'].map((m) => [m, performance.getEntriesByName(m)[0]?.startTime ?? null])) as Record<'shortlist:summary' | 'shortlist:opened', number | null>);
      const seenByPage = await page.evaluate(() => Object.keys(window).filter((k) => /shortlist/i.test(k)));
      await page.close();
      return { ...marks, seenByPage };
    };
    await visit();
    // Kept by the background since the last visit (overlay/background/summary-cache.ts), handed over with the script (overlay/page-hint.ts).
    const next = await visit();
    expect(next['shortlist:summary']!).toBeLessThan(next['shortlist:opened']!);
    expect(next.seenByPage, 'nothing of the hint in the page’s own world').toEqual([]);
  });

  it('leaves exactly one overlay after a URL change, a second `complete` and another injection, and none once the extension is gone', async () => {
    const updates = () => session.browser.background.evaluate(() => (globalThis as unknown as { __updates: Array<{ tabId: number; status?: string; url?: string }> }).__updates);
    // What the browser tells the background about its tabs, seen beside the extension's own listener.
    await session.browser.background.evaluate(() => {
      const g = globalThis as unknown as { __updates: unknown[]; chrome: { tabs: { onUpdated: { addListener(f: (id: number, c: { status?: string }, t: { url?: string }) => void): void } } } };
      g.__updates = [];
      g.chrome.tabs.onUpdated.addListener((tabId, change, tab) => g.__updates.push({ tabId, status: change.status, url: tab.url }));
    });
    const page = await session.browser.context.newPage();
    await page.addInitScript(WATCH);
    await page.goto(url);
    const o = await overlay(page);
    await expect.poll(() => o.getByTestId('applicant-total').textContent(), { timeout: 20_000 }).toContain('14 applicants');
    const tabId = (await updates()).find((u) => u.url?.startsWith(url) && u.status === 'complete')!.tabId;
    const completes = async () => (await updates()).filter((u) => u.tabId === tabId && u.url?.startsWith(url) && u.status === 'complete').length;
    expect(await completes()).toBe(1);
    const oneOverlay = async (started: number) => {
      expect((await arrivalOf(page)).started, 'how many copies of the script ran').toHaveLength(started);
      expect(await overlayHostCount(page)).toBe(1);
      expect(await page.locator('shortlist-summary').count()).toBe(0);
      await expect.poll(async () => (await overlay(page)).getByTestId('applicant-total').textContent(), { timeout: 20_000 }).toContain('14 applicants');
    };

    // A single-page app's URL change (Chromium reports it as the tab loading and completing again), then a frame loading into the page.
    await page.evaluate(() => history.pushState(null, '', `${location.pathname}?apply=1`));
    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.src = '/jobs/';
      document.body.append(frame);
    });
    await expect.poll(completes, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await page.waitForTimeout(1000); // time for a second copy to start and draw, were there one
    await oneOverlay(1);

    // Injected once more, as the popup's "Enable Shortlist on this site" does: the copy stands down.
    await session.browser.background.evaluate(async (id) => {
      const c = (globalThis as unknown as { chrome: { scripting: { executeScript(i: object): Promise<unknown> } } }).chrome;
      await c.scripting.executeScript({ target: { tabId: id }, files: ['/page-overlay.js'] });
    }, tabId);
    await page.waitForTimeout(500);
    await oneOverlay(1);

    // The extension reloaded (what an update does to running scripts): the copy in the page is orphaned and takes its
    // overlay away at its next tick. (Here the reloaded extension does not come back: headless Chromium with
    // --load-extension; that a new version's copy then runs where an orphan was is content/claim.ts's unit test.)
    await session.browser.background.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    await expect.poll(() => overlayHostCount(page), { timeout: 5_000 }).toBe(0);
    expect(await page.locator('shortlist-summary').count()).toBe(0);
    await page.close();
  });
});
