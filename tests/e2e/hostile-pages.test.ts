import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateDemoCouncil } from '#demo/index';
import { closedRootText } from './support/closed-root';
import { e2eContext } from './support/context';
import { readTable } from './support/extension-page';
import { servedPage } from './support/served-page';
import { overlayBox, overlayFrameOf } from './support/overlay';
import { signedInSession } from './support/session';

/**
 * Pages that attack the overlay, on a host where it runs (Community Care Jobs, an ad-funded
 * site whose scripts we do not control). Each page is the demo page with a hostile script put
 * first in its <head>, so it runs before Shortlist and watches everything after. Nothing of the
 * council's may reach the page, nothing the page does may run in or change Shortlist.
 */
const ctx = e2eContext();
const http = (url: string) => url.replace(/^https:/, 'http:');

/**
 * The spy: everything a page script can try to read the overlay with, run on every DOM change,
 * at intervals and on demand, all of it kept in window.__seen as strings.
 */
const SPY = `
<script>
(() => {
  const seen = (window.__seen = []);
  const keep = (label, value) => { try { seen.push(label + ': ' + (typeof value === 'string' ? value : JSON.stringify(value))); } catch (e) { seen.push(label + ' threw ' + e); } };
  const tryRead = (label, read) => { try { keep(label, read()); } catch (e) { keep(label + ' (refused)', String(e && e.name)); } };
  window.__readAll = () => {
    tryRead('html', () => document.documentElement.outerHTML);
    tryRead('innerText', () => document.body.innerText);
    tryRead('textContent', () => document.documentElement.textContent);
    tryRead('selection', () => { document.execCommand('selectAll'); const s = getSelection().toString(); getSelection().removeAllRanges(); return s; });
    for (const el of document.querySelectorAll('*')) {
      if (el.shadowRoot) tryRead('open shadow root of ' + el.localName, () => el.shadowRoot.innerHTML);
      if (el.localName.startsWith('shortlist')) {
        tryRead('shortlist host', () => ({ tag: el.localName, root: el.shadowRoot, html: el.innerHTML, text: el.innerText }));
        tryRead('shortlist host label', () => el.getAttribute('aria-label') || '');
      }
    }
    tryRead('iframes in the DOM', () => document.querySelectorAll('iframe').length);
    tryRead('window.frames', () => window.frames.length);
    for (let i = 0; i < window.frames.length; i++) {
      tryRead('frame ' + i + ' document', () => window.frames[i].document.documentElement.outerHTML);
      tryRead('frame ' + i + ' location', () => window.frames[i].location.href);
      tryRead('frame ' + i + ' name', () => window.frames[i].name);
    }
    tryRead('chrome.runtime', () => typeof (window.chrome && window.chrome.runtime && window.chrome.runtime.sendMessage));
    // window.find() searches the page as drawn, closed shadow roots' text nodes included.
    // The words are the test's (window.__findWords), kept out of what is recorded: only whether each was found.
    (window.__findWords || []).forEach((words, i) => tryRead('find #' + i, () => { const found = window.find(words, false, false, true); getSelection().removeAllRanges(); return found ? 'FOUND' : 'not found'; }));
  };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      keep('added', n.nodeName + ' ' + (n.outerHTML || n.textContent || ''));
      if (n.shadowRoot) keep('added with open root', n.shadowRoot.innerHTML);
    }
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  setInterval(() => window.__readAll(), 200);
})();
</script>`;

/** The page's attacks on the controls: clicks, synthetic events, key presses and messages at every frame. */
const ATTACK = () => {
  const w = window as unknown as { __attacks: number };
  w.__attacks = 0;
  for (const el of document.querySelectorAll('*')) {
    if (el.localName.startsWith('shortlist')) {
      (el as HTMLElement).click();
      for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click', 'submit']) el.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      w.__attacks++;
    }
  }
  // Whatever controls the page can reach (an open shadow root would give them all away): choose, then press.
  for (const el of document.querySelectorAll('*')) {
    const root = el.shadowRoot;
    if (!root) continue;
    for (const select of root.querySelectorAll('select')) {
      if (select.options.length < 2) continue;
      select.selectedIndex = 1;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    for (const button of root.querySelectorAll('button')) {
      button.click();
      w.__attacks++;
    }
  }
  // What sits where the overlay is drawn (bottom right): the page gets the host at best.
  const there = document.elementFromPoint(innerWidth - 60, innerHeight - 60);
  (there as HTMLElement | null)?.click();
  for (let i = 0; i < window.frames.length; i++) {
    for (const message of [
      { type: 'overlay:track', vacancyId: '00000000-0000-7000-8000-000000000000' },
      { type: 'overlay:move', stage: 'rejected' },
      { type: 'overlay:layout', width: 2000, height: 2000, right: 0, bottom: 0 },
      'Track this advert',
    ]) {
      window.frames[i]!.postMessage(message, '*');
      w.__attacks++;
    }
  }
};

/** Serves `url` as the real demo page with the spy first in its <head> (and anything else the test adds). */
async function hostilePage(page: Page, url: string, extra = '', waitUntil: 'load' | 'domcontentloaded' = 'load'): Promise<void> {
  await page.route(url, async (route) => {
    const html = (await servedPage(url)).replace('<head>', `<head>${SPY}${extra}`);
    await route.fulfill({ status: 200, body: html, contentType: 'text/html; charset=utf-8' });
  });
  await page.goto(url, { waitUntil });
}

/** What the page's scripts saw, joined. */
async function seenByPage(page: Page): Promise<string> {
  await page.evaluate(() => (window as unknown as { __readAll(): void }).__readAll());
  return (await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).join('\n');
}

/** The overlay has drawn these words, wherever it draws them (read as the browser sees the page, through CDP and its frames). */
async function overlayShows(page: Page, words: string): Promise<boolean> {
  const frame = overlayFrameOf(page);
  const inFrame = frame ? await frame.locator('body').textContent().catch(() => '') : '';
  return (inFrame ?? '').includes(words) || (await closedRootText(page, 'shortlist-overlay')).includes(words);
}

describe.skipIf(!ctx.chromium)('hostile pages', () => {
  const demo = generateDemoCouncil({ asOf: ctx.demoAsOf });
  const { priya, untrackedAdvert } = demo.journeys;
  const overdueNames = priya.overdue.map((id) => demo.records.applications.find((a) => a.id === id)!.name!);
  const session = signedInSession('priya');

  it('a page that reads everything it can (DOM, shadow roots, text, selection, frames, mutations) finds no candidate and no count', async () => {
    const page = await session.browser.context.newPage();
    await hostilePage(page, http(priya.advertUrl));
    await expect.poll(() => overlayShows(page, '14 applicants'), { timeout: 20_000 }).toBe(true);
    for (const name of overdueNames) expect(await overlayShows(page, name)).toBe(true);
    await page.waitForTimeout(500); // a few more rounds of the spy's interval and observer
    const seen = await seenByPage(page);
    expect(seen).toContain('shortlist host'); // it did find our element...
    for (const name of overdueNames) expect(seen).not.toContain(name); // ...and nothing in it
    expect(seen).not.toMatch(/\d+ applicants?/);
    expect(seen).not.toContain('overdue 1 working day');
    expect(seen).not.toContain('Shortlisting this week');
    expect(seen).not.toContain('Tom Okafor');
    expect(seen).not.toContain('open shadow root of shortlist');
    expect(seen).toContain('iframes in the DOM: 0');
    // A frame inside a closed shadow root is not even among the page's window.frames: nothing to read, post to or navigate.
    expect(seen).toContain('window.frames: 0');
    expect(seen).not.toContain('window.frames: 1');
    expect(seen).not.toMatch(/frame \d+ document: /);
    expect(seen).not.toMatch(/frame \d+ location: /);
    // No way to the extension from the page: no chrome.runtime.sendMessage (the manifest has no externally_connectable).
    expect(seen).toContain('chrome.runtime: undefined');
    const manifest = JSON.parse(readFileSync(path.join(ctx.extensionDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty('externally_connectable');
    await page.close();
  });

  it('the summary drawn before the frame: no shadow root, no words, no find(), nothing to click, no candidate', async () => {
    const page = await session.browser.context.newPage();
    // An image that never arrives holds the page's `load`, so the frame waits (up to 1.5 s) and the summary is alone on screen.
    // (Answered, late, when the test is over, so no request is left hanging.)
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/held-back.png', async (route) => {
      await held;
      await route.fulfill({ status: 404, body: '' }).catch(() => undefined);
    });
    try {
      await hostilePage(page, http(priya.advertUrl), '<img src="/held-back.png" alt="">', 'domcontentloaded');
      await expect.poll(() => closedRootText(page, 'shortlist-summary'), { timeout: 20_000, interval: 20 }).toContain('14 applicants');
      expect(overlayFrameOf(page)).toBeUndefined();
      const outboxBefore = (await readTable(session.page, 'outbox')).length;
      // Words only the summary draws (as CSS), and every name the frame would show.
      await page.evaluate((words) => ((window as unknown as { __findWords: string[] }).__findWords = words), ['Social Worker – Children in Care (2', 'applicants', 'Shortlisted', 'Overdue (', ...overdueNames]);
      const seen = await seenByPage(page);
      await page.evaluate(ATTACK);
      const box = await page.evaluate(() => ({ x: innerWidth - 120, y: innerHeight - 200 }));
      await page.mouse.click(box.x, box.y); // the person's own click on it: there is nothing in it to press
      // Still the summary, not yet the frame: everything above was tried against it.
      expect(await closedRootText(page, 'shortlist-summary')).toContain('14 applicants');
      expect(overlayFrameOf(page)).toBeUndefined();
      expect(seen).toContain('shortlist host: {"tag":"shortlist-summary","root":null,"html":"","text":""}');
      expect(seen).not.toContain('open shadow root of shortlist');
      expect(seen).toMatch(/find #0: not found/);
      expect(seen.split('\n').filter((l) => l.startsWith('find #') && l.includes('FOUND'))).toEqual([]);
      expect(seen).not.toMatch(/\d+ applicants?/);
      expect(seen).not.toContain('Shortlisted');
      for (const name of overdueNames) expect(seen).not.toContain(name);
      expect(page.url()).toBe(http(priya.advertUrl));
      expect((await readTable(session.page, 'outbox')).length).toBe(outboxBefore);
      // Then the frame takes its place, as on any page whose `load` is late.
      await expect.poll(() => overlayShows(page, overdueNames[0]!), { timeout: 20_000 }).toBe(true);
      await expect.poll(() => page.locator('shortlist-summary').count(), { timeout: 5_000 }).toBe(0);
    } finally {
      release();
      await page.close();
    }
  });

  it('a page that clicks, fires events and posts messages at the overlay changes nothing and moves nothing', async () => {
    const url = http(untrackedAdvert.url);
    const page = await session.browser.context.newPage();
    await hostilePage(page, url);
    await expect.poll(() => overlayShows(page, 'Track this advert'), { timeout: 20_000 }).toBe(true);
    // The frame is sized and placed by the content script once its panel has laid out: wait for that.
    await expect.poll(async () => (await overlayBox(page))?.width ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    const box = await overlayBox(page);
    const advertsBefore = await readTable(session.page, 'adverts');
    const outboxBefore = (await readTable(session.page, 'outbox')).length;
    await page.evaluate(ATTACK);
    expect(await page.evaluate(() => (window as unknown as { __attacks: number }).__attacks)).toBeGreaterThanOrEqual(1);
    await page.waitForTimeout(1000);
    expect(await readTable(session.page, 'adverts')).toEqual(advertsBefore);
    expect((await readTable(session.page, 'outbox')).length).toBe(outboxBefore);
    expect(await overlayShows(page, 'Track this advert')).toBe(true);
    expect(await overlayBox(page)).toEqual(box);
    await page.close();
  });

  it('the overlay’s frame, navigated elsewhere, is taken away: no page of anyone’s choosing sits in its place', async () => {
    const page = await session.browser.context.newPage();
    await hostilePage(page, http(priya.advertUrl));
    await expect.poll(() => overlayShows(page, '14 applicants'), { timeout: 20_000 }).toBe(true);
    // The page cannot reach the frame's window (see above); should any way appear, the content script's guard holds. Here the frame is sent away from inside.
    await overlayFrameOf(page)!.evaluate(() => {
      location.href = 'http://jobs.communitycare.co.uk/jobs/?phish=1';
    });
    await expect.poll(() => page.locator('shortlist-overlay').count(), { timeout: 10_000 }).toBe(0);
    // Playwright drops a removed frame from page.frames() on its own detach event, a moment after the element goes.
    await expect.poll(() => page.frames().filter((f) => f !== page.mainFrame()).map((f) => f.url()), { timeout: 5_000 }).toEqual([]);
    await page.close();
  });

  it('a page that frames the overlay page itself gets an overlay with no session: it shows nothing', async () => {
    const page = await session.browser.context.newPage();
    await hostilePage(page, http(priya.advertUrl));
    await expect.poll(() => overlayShows(page, '14 applicants'), { timeout: 20_000 }).toBe(true);
    const ours = overlayFrameOf(page);
    await page.evaluate((id) => {
      for (const hash of ['', '#0123456789abcdef0123456789abcdef', '#../../popup.html']) {
        const f = document.createElement('iframe');
        f.className = 'framed-by-page';
        f.src = `chrome-extension://${id}/overlay.html${hash}`;
        document.body.append(f);
      }
    }, session.browser.extensionId);
    await expect.poll(() => page.frames().filter((f) => f.url().includes('/overlay.html') && f.parentFrame() === page.mainFrame()).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    await page.waitForTimeout(1000);
    for (const f of page.frames()) {
      if (!f.url().includes('/overlay.html') || f === ours) continue;
      expect(await f.locator('[data-testid="shortlist-overlay"]').count()).toBe(0);
      expect((await f.locator('body').textContent())?.trim()).toBe('');
    }
    await page.close();
  });

  it('titles carrying HTML and script are shown as text and never run, in the page or in the overlay', async () => {
    const hostileTitle = `<img src=x onerror="window.__pwned=1">Senior <script>window.__pwned=2</script>Social Worker`;
    const url = http(untrackedAdvert.url);
    const page = await session.browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    // The advert's JSON-LD title is the hostile text (JSON-escaped, as a real board would carry it).
    await page.route(url, async (route) => {
      const html = (await servedPage(url)).replace(/("title"\s*:\s*)"[^"]*"/, (_m, key: string) => `${key}${JSON.stringify(hostileTitle).replace(/</g, '\\u003c')}`);
      await route.fulfill({ status: 200, body: html, contentType: 'text/html; charset=utf-8' });
    });
    await page.goto(url);
    await expect.poll(() => overlayShows(page, 'Track this advert'), { timeout: 20_000 }).toBe(true);
    const frame = overlayFrameOf(page)!;
    // The board's reader takes the title's words (markup dropped); the overlay shows them as text.
    await expect.poll(() => frame.locator('h2').textContent()).toContain('Social Worker');
    expect(await frame.locator('img, script:not([src])').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await frame.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('listing badges: the page sees that a badge is there, never its counts', async () => {
    const page = await session.browser.context.newPage();
    await hostilePage(page, 'http://jobs.communitycare.co.uk/jobs/');
    await expect.poll(() => closedRootText(page, '[data-shortlist-badge]'), { timeout: 20_000 }).toContain('14 applicants');
    const seen = await seenByPage(page);
    expect(seen).not.toMatch(/Shortlist: \d+ applicants?/);
    expect(seen).not.toMatch(/\d+ overdue/);
    await page.close();
  });
});
