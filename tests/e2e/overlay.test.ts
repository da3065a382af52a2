import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCouncil } from '#demo/index';
import { ROOT } from '../../scripts/lib/wrangler';
import { launchWithExtension } from './support/browser';
import { e2eContext } from './support/context';
import { overlay, overlayBox } from './support/overlay';
import { signedInSession, signIn } from './support/session';

/**
 * Complements page-overlay.test.ts: a site enabled at run time (the background injects the
 * overlay into its pages once they have loaded, for as long as the host is granted), the overlay
 * on a saved real Greenhouse page, and screenshots of the overlay on different sites.
 */
const ctx = e2eContext();
const shots = path.join(ROOT, '.test-results/screenshots');
const http = (url: string) => url.replace(/^https:/, 'http:');
const GREENHOUSE = 'http://job-boards.greenhouse.io/theorchard/jobs/7820845002';
const GREENHOUSE_ORIGIN = `${new URL(GREENHOUSE).origin}/*`;

type Chrome = {
  permissions: { contains(p: object): Promise<boolean>; remove(p: object): Promise<boolean> };
  scripting: { getRegisteredContentScripts(f?: object): Promise<Array<{ id: string; matches?: string[] }>> };
};

const registeredScripts = (page: Page) => page.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts());

/**
 * Headless Chromium cannot accept the permission prompt chrome.permissions.request opens (the
 * request never settles), so the grant is written into the profile as Chromium records an
 * accepted prompt, between two launches; the background's injection on the granted host and
 * the removal path are then the real ones.
 */
function grantInProfile(profileDir: string, extensionId: string, origin: string): void {
  const file = path.join(profileDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8')) as { extensions: { settings: Record<string, Record<string, { explicit_host?: string[]; scriptable_host?: string[] }>> } };
  const settings = prefs.extensions.settings[extensionId];
  if (!settings) throw new Error(`no settings for ${extensionId} in the profile`);
  for (const key of ['granted_permissions', 'active_permissions']) {
    const set = (settings[key] ??= {});
    set.explicit_host = [...(set.explicit_host ?? []), origin];
  }
  settings.runtime_granted_permissions = { explicit_host: [origin], scriptable_host: [] };
  writeFileSync(file, JSON.stringify(prefs));
}

describe.skipIf(!ctx.chromium)('the overlay on sites enabled at run time', () => {
  const demo = generateDemoCouncil({ asOf: ctx.demoAsOf });
  const { priya } = demo.journeys;
  // Signed in on a first launch, Greenhouse granted in the profile, then launched again.
  const session = signedInSession('priya', {
    launch: async (token) => {
      const profileDir = mkdtempSync(path.join(os.tmpdir(), 'shortlist-overlay-'));
      const first = await launchWithExtension({ profileDir });
      await signIn(first, token);
      const extensionId = first.extensionId;
      await first.close();
      grantInProfile(profileDir, extensionId, GREENHOUSE_ORIGIN);
      return launchWithExtension({ profileDir });
    },
  });
  beforeAll(() => mkdirSync(shots, { recursive: true }));

  it("shows Priya's advert on Community Care Jobs with its vacancy and working-day countdowns", async () => {
    const page = await session.browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(http(priya.advertUrl));
    const o = await overlay(page);
    await expect.poll(() => o.getByTestId('applicant-total').textContent(), { timeout: 20_000 }).toContain('14 applicants');
    expect(await o.textContent()).toMatch(/overdue 1 working day/);
    // Nothing of Priya's is waiting to be sent: the overlay says so.
    await expect.poll(() => o.getByTestId('sync-note').textContent(), { timeout: 10_000 }).toBe('Synced');
    await page.screenshot({ path: path.join(shots, 'overlay-communitycare-advert.png') });
    // Collapsing leaves a small tab, and the page underneath is still the page.
    await o.getByRole('button', { name: 'Hide' }).click();
    expect(await o.getByTestId('applicant-total').count()).toBe(0);
    // Moved with the keyboard from its handle; another tab of the site opens it where it was left, folded.
    const grip = o.getByRole('button', { name: /drag, or use the arrow keys/ });
    await grip.focus();
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowUp');
    // The frame itself moved in the page's window: its bottom-right corner 56px from the window's.
    const corner = async () => {
      const box = await overlayBox(page);
      return box ? [Math.round(1280 - box.x - box.width), Math.round(900 - box.y - box.height)] : null;
    };
    await expect.poll(corner).toEqual([56, 56]);
    const again = await session.browser.context.newPage();
    await again.setViewportSize({ width: 1280, height: 900 });
    await again.goto(http(priya.advertUrl));
    const o2 = await overlay(again);
    await o2.getByRole('button', { name: 'Show' }).waitFor({ timeout: 20_000 });
    await expect.poll(async () => {
      const box = await overlayBox(again);
      return box ? Math.round(1280 - box.x - box.width) : null;
    }).toBe(56);
    await o2.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => o2.getByTestId('applicant-total').count(), { timeout: 10_000 }).toBe(1);
    await again.close();
  });

  it('comes to a host granted earlier, registered as no content script, and shows "Track this advert" on a saved real Greenhouse page without breaking it', async () => {
    expect(await session.page.evaluate((o) => (globalThis as unknown as { chrome: Chrome }).chrome.permissions.contains({ origins: [o] }), GREENHOUSE_ORIGIN)).toBe(true);
    // The background injects the overlay after each page's load: nothing is registered to run before it.
    expect(await registeredScripts(session.page)).toEqual([]);

    const page = await session.browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(GREENHOUSE);
    const title = await page.title();
    const o = await overlay(page);
    await expect.poll(() => o.textContent(), { timeout: 20_000 }).toContain('Track this advert');
    expect(await o.textContent()).toContain('Data Analyst');
    // The page is untouched: same title, its own heading visible, no errors.
    expect(await page.title()).toBe(title);
    expect(await page.locator('h1').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'overlay-greenhouse-untracked.png') });
    await page.close();
  });

  it('comes no more once the person takes the permission back: the page shows nothing', async () => {
    const removed = await session.page.evaluate((o) => (globalThis as unknown as { chrome: Chrome }).chrome.permissions.remove({ origins: [o] }), GREENHOUSE_ORIGIN);
    expect(removed).toBe(true);
    const page = await session.browser.context.newPage();
    await page.goto(GREENHOUSE);
    await page.waitForTimeout(1500);
    expect(await page.locator('shortlist-overlay').count()).toBe(0);
  });
});
