/**
 * The README's "A first walk through the demo", followed as written: the stack `npm start`
 * starts (scripts/lib/local-demo.ts: its own worker, D1 and demo council, on ports of its own),
 * a plain Chromium with the extension it built, no host mapping: the manual steps' localhost
 * demo. Who signs in, which page is opened from the index, and every figure checked (14
 * applicants, 2 overdue, 7 decisions, the tokens…) are read from the README's own words, so
 * the README and the product cannot drift apart: rewrite a figure there and this test fails
 * until the product shows it. It also takes the README's screenshots (docs/*.png).
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOM } from '#demo/index';
import { startLocalDemo, type LocalDemo } from '../../scripts/lib/local-demo';
import { signInThroughOptions } from '../../scripts/lib/sign-in';
import { ROOT } from '../../scripts/lib/wrangler';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { openExtensionPage, readTable, syncUntilClean } from './support/extension-page';
import { clickInClosedRoot, closedRootText } from './support/closed-root';
import { E2E_README_DEMO_PORT, E2E_README_WORKER_PORT, E2E_STATE_NAME } from './support/hosts';
import { overlay, overlayHostCount } from './support/overlay';
import { readme, readmeBullet, readmeNumber, readmeSays, readmeSection } from './support/readme';

const ctx = e2eContext();
const walk = readmeSection('A first walk through the demo');
const manual = readmeSection('Loading the extension');

/** The README's screenshots: written to docs/ with UPDATE_SCREENSHOTS=1, else to .test-results (docs/ only has to hold them). */
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
const shotDir = UPDATE ? path.join(ROOT, 'docs') : path.join(ROOT, '.test-results/screenshots/readme');
const screenshot = async (page: Page, name: string) => {
  await page.screenshot({ path: path.join(shotDir, name) });
  expect(readme(), `README shows docs/${name}`).toContain(`](docs/${name})`);
};

/** Width and height of a PNG, from its IHDR chunk. */
const pngSize = (file: string) => {
  const b = readFileSync(file);
  return { png: b.subarray(1, 4).toString('latin1') === 'PNG', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};

/** The toolbar badge's text, read in the background service worker. */
const badgeText = (b: ExtensionBrowser) =>
  b.background.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));

describe.skipIf(!ctx.chromium)("the README's first walk through the demo, from the localhost demo index", () => {
  let local: LocalDemo;
  let indexUrl: string;
  let serverUrl: string;
  const opened: ExtensionBrowser[] = [];
  const demo = () => local.demo.data;

  /** A browser as the manual steps load it (the build `npm start` made, no host mapping), signed in with the README's token. */
  async function signedIn(token: string): Promise<{ browser: ExtensionBrowser; ext: Page }> {
    const browser = await launchWithExtension({ extensionDir: local.extensionDir, mapHosts: false });
    opened.push(browser);
    const ext = await signInThroughOptions(browser.context, browser.extensionPage('options.html'), serverUrl, token);
    await syncUntilClean(ext);
    return { browser, ext };
  }

  /** Opens the index and follows the link named `text`, as a person does. */
  async function fromIndex(browser: ExtensionBrowser, text: string | RegExp, list = 'ul.featured'): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(indexUrl);
    await page.locator(`${list} a`, { hasText: text }).first().click();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url().startsWith(`http://localhost:${E2E_README_DEMO_PORT}/`)).toBe(true);
    return page;
  }

  beforeAll(async () => {
    mkdirSync(shotDir, { recursive: true });
    const stateDir = path.join(ROOT, E2E_STATE_NAME, 'readme-d1');
    rmSync(stateDir, { recursive: true, force: true });
    local = await startLocalDemo({ workerPort: E2E_README_WORKER_PORT, demoPort: E2E_README_DEMO_PORT, stateDir, outDir: `${E2E_STATE_NAME}/readme-extension`, quiet: !process.env.E2E_VERBOSE, readyTimeoutMs: 240_000 });
    // The README's URLs, on this run's ports (npm start's own, 8787 and 8790, may be in use).
    const readmeIndex = readmeSays(walk, /open the demo index, `(http:\/\/localhost:\d+\/)`/);
    indexUrl = readmeIndex.replace(/:\d+\//, `:${E2E_README_DEMO_PORT}/`);
    expect(`${local.demoOrigin}/`).toBe(indexUrl);
    serverUrl = readmeSays(manual, /server URL\s+`(http:\/\/127\.0\.0\.1:\d+)`/).replace(/:\d+$/, `:${E2E_README_WORKER_PORT}`);
    expect(serverUrl).toBe(local.workerUrl);
  }, 600_000);
  afterAll(async () => {
    await Promise.all(opened.map((b) => b.close()));
    await local?.stop();
  });

  describe('signed in as Priya', () => {
    let priya: { browser: ExtensionBrowser; ext: Page };
    beforeAll(async () => {
      const token = readmeSays(walk, /Sign in as Priya \(`(sl_demo_\w+)`\)/);
      priya = await signedIn(token);
    }, 120_000);

    it("Priya's advert: the vacancy with its posts, its applicants by stage, the overdue decisions in red, the next due, the rota", async () => {
      const words = readmeBullet(walk, "Priya's advert");
      const title = readmeSays(words, /\("([^"]+)" on Community Care Jobs\)/);
      const page = await fromIndex(priya.browser, title);
      const o = await overlay(page);
      await expect.poll(() => o.getByTestId('applicant-total').textContent(), { timeout: 20_000 }).toContain(`${readmeNumber(words, /counts its (\d+) applicants/)} applicants`);
      expect(await o.getByTestId('vacancy-title').textContent()).toBe(title);
      expect(await o.textContent()).toContain(`${readmeNumber(words, /vacancy \((\d+) posts\)/)} posts`);
      expect(await o.getByTestId('stage-counts').textContent()).toContain(`Applied${demo().journeys.priya.awaiting.length}`);
      const overdue = o.getByTestId('overdue').locator('li');
      expect(await overdue.count()).toBe(readmeNumber(words, /lists the (\d+) overdue shortlisting decisions/));
      const lateness = readmeSays(words, /in red \("(overdue \d+ working days?)"\)/);
      for (const li of await overdue.all()) {
        expect(await li.textContent()).toContain(lateness);
        expect(await li.locator('.red').count()).toBe(1);
      }
      expect(await o.textContent()).toMatch(/next due/i);
      // This week's shortlister is Tom, the manager the README's workspace paragraph signs in.
      expect(await o.getByTestId('rota').textContent()).toContain(TOM.name);
      await screenshot(page, 'overlay-advert.png');
    });

    it('the untracked Assessment Team advert: "Track this advert" links it to last week\'s vacancy, title, reference and closing date from the page', async () => {
      const words = readmeBullet(walk, 'The untracked Assessment Team advert');
      const title = readmeSays(words, /\("([^"]+)"\)/);
      const button = readmeSays(words, /\*\*(Track this advert)\*\*/);
      const page = await fromIndex(priya.browser, title);
      const o = await overlay(page);
      await expect.poll(() => o.getByTestId('track-advert').count(), { timeout: 20_000 }).toBe(1);
      // What the page says, as a person reads it: its heading, its "Job ref" and "Closing date".
      const fromPage = async (label: string) => (await page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]').textContent())!.trim();
      expect(await page.locator('h1').textContent()).toBe(title);
      const reference = await fromPage('Job ref');
      const trackText = (await o.getByTestId('track-advert').textContent())!;
      expect(trackText).toContain(title);
      expect(trackText).toContain(reference);
      expect(await fromPage('Closing date')).toMatch(/\d{4}$/);
      const lastWeek = demo().journeys.untrackedAdvert.vacancyId;
      await o.getByLabel('Vacancy', { exact: true }).selectOption(lastWeek);
      await o.getByRole('button', { name: button }).click();
      await expect.poll(() => o.getByTestId('advert-panel').count(), { timeout: 10_000 }).toBe(1);
      await syncUntilClean(priya.ext);
      const adverts = await readTable<{ externalId: string | null; vacancyId: string; reference: string | null; closingDate: string | null; title: string | null }>(priya.ext, 'adverts');
      const tracked = adverts.find((a) => a.externalId === demo().journeys.untrackedAdvert.externalId)!;
      // Stored at the real URL the localhost page stands for, as the background maps it in a demo build (never a localhost URL).
      expect(tracked).toMatchObject({ vacancyId: lastWeek, reference, title, closingDate: demo().journeys.untrackedAdvert.closingDate, url: demo().journeys.untrackedAdvert.url });
    });

    it("the council's ATS: the Tribepad page of the same vacancy shows the same overlay, the same counts", async () => {
      const advertWords = readmeBullet(walk, "Priya's advert");
      const title = readmeSays(advertWords, /\("([^"]+)" on Community Care Jobs\)/);
      const page = await fromIndex(priya.browser, `Tribepad: ${title}`);
      expect(await page.locator('footer').textContent()).toContain('Tribepad');
      const o = await overlay(page);
      await expect.poll(() => o.getByTestId('applicant-total').textContent(), { timeout: 20_000 }).toContain(`${readmeNumber(advertWords, /counts its (\d+) applicants/)} applicants`);
      expect(await o.getByTestId('vacancy-title').textContent()).toBe(title);
    });

    it("the council's ATS: Teach Shortlist this page from the popup, then the returning candidate is captured with a warning about the earlier application", async () => {
      const words = readmeBullet(walk, "The council's ATS");
      const r = demo().journeys.returningCandidate;
      const page = await fromIndex(priya.browser, `Candidate ${r.name} (new)`);
      await page.waitForTimeout(1000);
      expect(await overlayHostCount(page)).toBe(0); // a back-office screen no module knows

      // "in the popup, Teach Shortlist this page": the popup acts on the window's active tab.
      const popup = await openExtensionPage(priya.browser, 'popup.html');
      await page.bringToFront();
      await popup.reload();
      await popup.getByRole('button', { name: readmeSays(words, /\*\*(Teach Shortlist this page)\*\*/) }).click();
      // Teach mode lives in a closed shadow root: read and clicked as the browser (CDP) sees it, never through the page.
      const teachText = () => closedRootText(page, 'shortlist-teach');
      await expect.poll(teachText, { timeout: 10_000 }).toContain("candidate's name");
      // "then click the candidate's name, reference, stage and email"
      readmeSays(words, /click the (candidate's name, reference, stage and email)/);
      await page.locator('.zz-n').click();
      await page.locator('.zz-r').click();
      await page.locator('.pill').click();
      await page.locator('.c4 a').click();
      await expect.poll(teachText).toContain('Shortlist will read pages like this one');
      const preview = await teachText();
      expect(preview).toContain(r.name);
      expect(preview).toContain(r.newAtsReference);
      await clickInClosedRoot(page, 'shortlist-teach', 'Save for my council');

      const o = await overlay(page);
      await expect.poll(() => o.getByTestId('capture-candidate').count(), { timeout: 20_000 }).toBe(1);
      const warning = (await o.getByTestId('duplicate-warning').first().textContent())!;
      expect(warning).toContain('same email');
      expect(warning.toLowerCase()).toContain(`withdrawn: ${readmeSays(words, /\(withdrawn: (\w+)\)/)}`);
      expect(await o.getByLabel('Name').inputValue()).toBe(r.name);
      expect(await o.getByLabel('ATS reference').inputValue()).toBe(r.newAtsReference);
      await screenshot(page, 'overlay-returning-candidate.png');
      // Captured into the Assessment Team vacancy, so the 7 decisions of Tom's queue (below) stay 7.
      await o.getByLabel('Vacancy', { exact: true }).selectOption(demo().journeys.untrackedAdvert.vacancyId);
      await o.getByRole('button', { name: 'Capture candidate' }).click();
      await expect.poll(() => o.getByTestId('candidate-panel').count(), { timeout: 10_000 }).toBe(1);

      // "from then on every candidate page of that ATS is read": another candidate, from Tom's queue on the index.
      const other = await fromIndex(priya.browser, /^Candidate /, 'ul.queue');
      await expect.poll(async () => (await overlay(other)).getByTestId('candidate-panel').count(), { timeout: 20_000 }).toBe(1);
      await syncUntilClean(priya.ext);
      const profiles = await readTable<{ host: string }>(priya.ext, 'site_profiles');
      expect(profiles.map((p) => p.host)).toContain('localhost');
    });

    it('the Community Care listing at /jobs/: a badge on each job the council tracks', async () => {
      const words = readmeBullet(walk, 'Community Care listing');
      const listingPath = readmeSays(words, /\(`(\/jobs\/)`\)/);
      const page = await fromIndex(priya.browser, 'Community Care Jobs: search results');
      expect(new URL(page.url()).pathname.endsWith(listingPath)).toBe(true);
      await expect.poll(async () => (await overlay(page)).getByTestId('listing-summary').count(), { timeout: 20_000 }).toBe(1);
      const tracked = new Set((await readTable<{ externalId: string | null }>(priya.ext, 'adverts')).map((a) => a.externalId));
      const listed = await page.locator('li.lister__item').evaluateAll((items) => items.map((li) => li.id.replace(/^item-/, '')));
      const expected = listed.filter((id) => tracked.has(id));
      expect(expected.length).toBe(listed.length); // every live job, the Assessment one tracked above included
      await expect.poll(() => page.locator('[data-shortlist-badge]').count(), { timeout: 10_000 }).toBe(expected.length);
      // Each badge sits beside its job's link, its words in a closed shadow root: read as the browser sees them.
      const priyaItem = `item-${demo().journeys.priya.externalId}`;
      expect(await page.locator(`li#${priyaItem} [data-shortlist-badge]`).count()).toBe(1);
      const priyaBadge = await closedRootText(page, '[data-shortlist-badge]', priyaItem);
      const advertWords = readmeBullet(walk, "Priya's advert");
      expect(priyaBadge).toContain(`${readmeNumber(advertWords, /counts its (\d+) applicants/)} applicants`);
      expect(priyaBadge).toContain(`${readmeNumber(advertWords, /lists the (\d+) overdue/)} overdue`);
      await screenshot(page, 'listing-badges.png');
    });

    it("an expired advert: the board's banner, and the overlay says it has expired while naming its vacancy and counts", async () => {
      const words = readmeBullet(walk, 'An expired advert');
      const banner = readmeSays(words, /the board's "([^"]+)" banner/);
      const page = await fromIndex(priya.browser, '(expired)');
      expect((await page.locator('[role="alert"]').textContent())!.trim()).toBe(banner);
      const o = await overlay(page);
      await expect.poll(() => o.getByTestId('applicant-total').count(), { timeout: 20_000 }).toBe(1);
      expect(await o.textContent()).toMatch(/advert has expired/);
      expect(await o.getByTestId('vacancy-title').textContent()).toBeTruthy();
    });
  });

  const workspace = readmeSection('A first walk through the demo').split('The **workspace**')[1]!.split('\n\n')[0]!;

  it("Tom's queue: popup → Open workspace, his decisions with working-day countdowns; the toolbar badge counts his overdue items", async () => {
    const token = readmeSays(workspace, /sign in as Tom, `(sl_demo_\w+)`/);
    const decisions = readmeNumber(workspace, /his (\d+) decisions with working-day countdowns/);
    const tom = await signedIn(token);
    const popup = await openExtensionPage(tom.browser, 'popup.html');
    const [page] = await Promise.all([tom.browser.context.waitForEvent('page'), popup.getByRole('button', { name: readmeSays(workspace, /popup → (Open workspace)/) }).click()]);
    await page.waitForLoadState('domcontentloaded');
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: readmeSays(workspace, /\*(My queue)\*/) }).click();
    const rows = page.locator('table.queue tbody tr', { hasText: 'Shortlisting decision' });
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(decisions);
    for (const row of await rows.all()) expect(await row.textContent()).toMatch(/due in \d+ working days?|due today|overdue \d+ working days?/);
    const overdue = await page.locator('table.queue tbody tr', { has: page.locator('.status-red') }).count();
    readmeSays(workspace, /(The toolbar badge counts your overdue items)/);
    await expect.poll(() => badgeText(tom.browser), { timeout: 10_000 }).toBe(overdue ? String(overdue) : '');
    await screenshot(page, 'workspace-queue.png');
  });

  it("Amira's workspace: every page the README names, and Reports with its figures, CSV and a print view", async () => {
    const token = readmeSays(workspace, /\(Amira, `(sl_demo_\w+)`\)/);
    const amira = await signedIn(token);
    const page = await openExtensionPage(amira.browser, 'workspace.html');
    const nav = page.getByRole('navigation', { name: 'Workspace' });
    await nav.waitFor();
    const navText = (await nav.textContent())!.toLowerCase();
    const named = [...workspace.matchAll(/\*([A-Z][a-z]+(?: [a-z]+)*)\*/g)].map((m) => m[1]!);
    expect(named).toEqual(expect.arrayContaining(['My queue', 'Pipeline board', 'Candidate', 'Checks', 'Import', 'Reports', 'Establishment', 'Rota']));
    for (const name of named) expect(navText, `the workspace has "${name}"`).toContain(name.toLowerCase());
    await nav.getByRole('link', { name: 'Reports' }).click();
    await page.getByTestId('headline').waitFor({ timeout: 20_000 });
    const headline = (await page.getByTestId('headline').textContent())!.toLowerCase();
    for (const measure of ['time to hire', 'time to fill', 'vacancy rate', 'agency rate']) expect(headline).toContain(measure);
    expect(await page.getByTestId('figure-applications').textContent()).toMatch(/^\d+$/);
    await page.getByRole('button', { name: 'Export figures as CSV' }).waitFor();
    await page.getByRole('button', { name: 'Print' }).waitFor();
    await screenshot(page, 'workspace-reports.png');
  });

  it('the screenshots the README shows are in docs/, as PNGs of 1280x800 (a linked whole-page one 1280 wide)', () => {
    const shots = [...readme().matchAll(/(!?)\[[^\]]*\]\(docs\/([\w-]+\.png)\)/g)].map((m) => ({ inline: m[1] === '!', name: m[2]! }));
    expect(shots.filter((s) => s.inline).length).toBeGreaterThanOrEqual(5);
    for (const { inline, name } of shots) {
      const file = path.join(ROOT, 'docs', name);
      expect(existsSync(file), `docs/${name} (UPDATE_SCREENSHOTS=1 writes it)`).toBe(true);
      const size = pngSize(file);
      if (inline) expect(size, `docs/${name} is shown in the README`).toEqual({ png: true, width: 1280, height: 800 });
      else expect(size).toMatchObject({ png: true, width: 1280 });
    }
  });

});
