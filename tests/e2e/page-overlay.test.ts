import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCouncil } from '#demo/index';
import type { PullResponse } from '#shared/schema/index';
import { ROOT } from '../../scripts/lib/wrangler';
import { e2eContext } from './support/context';
import { readTable, syncUntilClean } from './support/extension-page';
import { demoTokenFor, signedInSession } from './support/session';
import { overlay } from './support/overlay';
import { clickInClosedRoot, closedRootText } from './support/closed-root';

const ctx = e2eContext();
const shots = path.join(ROOT, '.test-results/screenshots');
const http = (url: string) => url.replace(/^https:/, 'http:');

async function serverHas(token: string, table: string, match: (r: Record<string, unknown>) => boolean): Promise<boolean> {
  let cursor = 0;
  for (;;) {
    const res = await fetch(`${ctx.workerUrl}/v1/sync/pull?cursor=${cursor}&limit=2000`, { headers: { authorization: `Bearer ${token}` } });
    const page = (await res.json()) as PullResponse;
    if (page.changes.some((c) => c.table === table && c.record && match(c.record))) return true;
    cursor = page.cursor;
    if (!page.hasMore) return false;
  }
}

describe.skipIf(!ctx.chromium)('the overlay on the pages people work in', () => {
  const demo = generateDemoCouncil({ asOf: ctx.demoAsOf });
  const { priya, untrackedAdvert, returningCandidate } = demo.journeys;
  const session = signedInSession('priya');
  beforeAll(() => mkdirSync(shots, { recursive: true }));

  it("shows Priya's advert: its vacancy, 14 applicants by stage, 2 overdue in red, this week's shortlister", async () => {
    const page = await session.browser.context.newPage();
    await page.goto(http(priya.advertUrl));
    const o = await overlay(page);
    await expect.poll(() => o.getByTestId('applicant-total').textContent(), { timeout: 20_000 }).toContain('14 applicants');
    const vacancy = demo.records.vacancies.find((v) => v.id === priya.vacancyId)!;
    expect(await o.getByTestId('vacancy-title').textContent()).toBe(vacancy.title);
    expect(await o.textContent()).toContain(`${vacancy.posts} posts`);
    const counts = await o.getByTestId('stage-counts').textContent();
    expect(counts).toContain(`Applied${priya.awaiting.length}`);
    expect(counts).toContain(`Shortlisted${priya.shortlisted.length}`);
    const overdue = o.getByTestId('overdue').locator('li');
    expect(await overdue.count()).toBe(priya.overdue.length);
    for (const li of await overdue.all()) {
      expect(await li.textContent()).toContain('overdue 1 working day');
      expect(await li.locator('.red').count()).toBe(1);
    }
    expect(await o.getByTestId('rota').textContent()).toContain('Tom Okafor');
    // The page itself is untouched: the overlay lives in its own frame.
    expect(await page.locator('h1').first().textContent()).toContain(vacancy.title.split(' ')[0]!);
    await page.screenshot({ path: path.join(shots, 'overlay-community-care-advert.png') });
  });

  it('tracks an advert the council has not tracked, linked to the vacancy created last week', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(http(untrackedAdvert.url));
    const o = await overlay(page);
    await expect.poll(() => o.getByTestId('track-advert').count(), { timeout: 20_000 }).toBe(1);
    expect(await o.textContent()).toContain(untrackedAdvert.reference);
    await o.getByLabel('Vacancy', { exact: true }).selectOption(untrackedAdvert.vacancyId);
    await page.screenshot({ path: path.join(shots, 'overlay-track-this-advert.png') });
    await o.getByRole('button', { name: 'Track this advert' }).click();
    await expect.poll(() => o.getByTestId('advert-panel').count(), { timeout: 10_000 }).toBe(1);
    await syncUntilClean(session.page);
    expect(await serverHas(demoTokenFor('priya'), 'adverts', (r) => r.externalId === untrackedAdvert.externalId && r.vacancyId === untrackedAdvert.vacancyId)).toBe(true);
  });

  it('is taught a back-office candidate page by pointing at the name, reference and stage, and reads it from then on', async () => {
    const known = demo.records.applications.find((a) => a.id === priya.awaiting[0])!;
    const page = await session.browser.context.newPage();
    await page.goto(`http://careers.wessexborough.example.org/ats/candidate/${known.atsReference}`);
    await page.waitForTimeout(500);
    expect(await page.locator('shortlist-overlay').count()).toBe(0); // not recognised: nothing shown
    // The popup's "Teach Shortlist this page" sends this to the tab.
    const sent = await session.page.evaluate(async (url) => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>>; sendMessage(id: number, m: object): Promise<unknown> } } }).chrome;
      const [tab] = await c.tabs.query({ url });
      if (!tab) return false;
      await c.tabs.sendMessage(tab.id, { type: 'teach:start' });
      return true;
    }, page.url());
    expect(sent).toBe(true);
    // Teach mode lives in a closed shadow root: read it as the browser (CDP) does, never as the page.
    await expect.poll(() => closedRootText(page, 'shortlist-teach'), { timeout: 10_000 }).toContain("candidate's name");
    const teachText = () => closedRootText(page, 'shortlist-teach');
    await page.locator('.zz-n').click();
    expect(await teachText()).toContain('reference');
    await page.locator('.zz-r').click();
    await page.locator('.pill').click();
    expect(known.email).toBeTruthy();
    await page.locator('.c4 a').click();
    await expect.poll(teachText).toContain('Shortlist will read pages like this one');
    const preview = await teachText();
    expect(preview).toContain(known.name!);
    expect(preview).toContain(known.atsReference!);
    await page.screenshot({ path: path.join(shots, 'overlay-teach-preview.png') });
    await clickInClosedRoot(page, 'shortlist-teach', 'Save for my council');
    const o = await overlay(page);
    await expect.poll(() => o.getByTestId('candidate-panel').count(), { timeout: 15_000 }).toBe(1);
    expect(await o.getByTestId('candidate-stage').textContent()).toContain('Applied');
    // After a reload the taught profile still reads the page, and it synced to the council.
    await page.reload();
    await expect.poll(async () => (await overlay(page)).getByTestId('candidate-panel').count(), { timeout: 15_000 }).toBe(1);
    await syncUntilClean(session.page);
    expect(await serverHas(demoTokenFor('priya'), 'site_profiles', (r) => r.host === 'careers.wessexborough.example.org')).toBe(true);
  });

  it('captures a returning candidate from a taught page, warning about the earlier application', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`http://careers.wessexborough.example.org/ats/candidate/${returningCandidate.newAtsReference}`);
    const o = await overlay(page);
    await expect.poll(() => o.getByTestId('capture-candidate').count(), { timeout: 20_000 }).toBe(1);
    const warning = await o.getByTestId('duplicate-warning').first().textContent();
    expect(warning).toContain('same email');
    expect(warning).toMatch(/withdrawn: salary/i);
    expect(await o.getByLabel('Name').inputValue()).toBe(returningCandidate.name);
    expect(await o.getByLabel('ATS reference').inputValue()).toBe(returningCandidate.newAtsReference);
    // Captured into the Assessment Team vacancy, so Tom's Children in Care queue (other suites) is untouched.
    await o.getByLabel('Vacancy', { exact: true }).selectOption(untrackedAdvert.vacancyId);
    await page.screenshot({ path: path.join(shots, 'overlay-ats-capture.png') });
    await o.getByRole('button', { name: 'Capture candidate' }).click();
    await expect.poll(() => o.getByTestId('candidate-panel').count(), { timeout: 10_000 }).toBe(1);
    expect(await o.getByTestId('candidate-stage').textContent()).toContain('Applied');

    // Quick action from the page: shortlist, then it reaches the server.
    await o.getByRole('button', { name: 'Shortlist', exact: true }).click();
    await expect.poll(() => o.getByTestId('candidate-stage').textContent(), { timeout: 10_000 }).toContain('Shortlisted');
    await syncUntilClean(session.page);
    expect(await serverHas(demoTokenFor('priya'), 'applications', (r) => r.atsReference === returningCandidate.newAtsReference)).toBe(true);
    await page.screenshot({ path: path.join(shots, 'overlay-ats-candidate.png') });
  });

  it('badges each tracked job on a Community Care Jobs listing page', async () => {
    const page = await session.browser.context.newPage();
    await page.goto('http://jobs.communitycare.co.uk/jobs/');
    await expect.poll(async () => (await overlay(page)).getByTestId('listing-summary').count(), { timeout: 20_000 }).toBe(1);
    // Beside the tracked job's link; its words are inside a closed shadow root, read here as the browser sees them.
    const badge = page.locator(`li#item-${priya.externalId} [data-shortlist-badge]`);
    await expect.poll(() => badge.count(), { timeout: 10_000 }).toBe(1);
    const text = await closedRootText(page, '[data-shortlist-badge]');
    const applicants = (await readTable<{ vacancyId: string }>(session.page, 'applications')).filter((a) => a.vacancyId === priya.vacancyId).length;
    expect(applicants).toBe(14);
    expect(text).toContain(`${applicants} applicants`);
    expect(text).toContain(`${priya.overdue.length} overdue`);
    await page.screenshot({ path: path.join(shots, 'overlay-listing-badges.png') });
  });

  it('stays off a saved real Greenhouse page the person has not enabled, and the page runs without errors', async () => {
    const page = await session.browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('http://job-boards.greenhouse.io/theorchard/jobs/7820845002');
    await page.waitForTimeout(500);
    // Greenhouse is not enabled in this profile: nothing is shown there until a person enables it.
    expect(await page.locator('shortlist-overlay').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
