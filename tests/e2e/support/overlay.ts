import type { Frame, Locator, Page } from 'playwright-core';

/** The overlay's frame in a page: our overlay.html, inside a closed shadow root no page script (or CSS selector) reaches. */
export function overlayFrameOf(page: Page): Frame | undefined {
  return page.frames().find((f) => f.url().startsWith('chrome-extension://') && new URL(f.url()).pathname === '/overlay.html');
}

/** Waits for the overlay frame of a page and returns its panel; the frame is found through the browser, not the page's DOM. */
export async function overlay(page: Page, timeout = 20_000): Promise<Locator> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = overlayFrameOf(page);
    if (frame) return frame.locator('[data-testid="shortlist-overlay"]');
    if (Date.now() > deadline) throw new Error(`no overlay frame in ${page.url()} within ${timeout / 1000}s`);
    await page.waitForTimeout(50);
  }
}

/** The overlay frame's box in the page's window (the frame element itself sits in a closed shadow root). */
export async function overlayBox(page: Page): Promise<{ x: number; y: number; width: number; height: number } | null> {
  const frame = overlayFrameOf(page);
  const element = await frame?.frameElement();
  return (await element?.boundingBox()) ?? null;
}

/** Whether the page holds the overlay's host element (the frame or teach mode). */
export const overlayHostCount = (page: Page) => page.locator('shortlist-overlay').count();
