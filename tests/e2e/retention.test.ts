import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCouncil } from '#demo/index';
import { periodOf } from '#shared/measures/index';
import type { Leaver, Post, Vacancy } from '#shared/schema/index';
import { ROOT } from '../../scripts/lib/wrangler';
import { e2eContext } from './support/context';
import { openExtensionPage, readTable, syncUntilClean } from './support/extension-page';
import { signedInSession } from './support/session';

const ctx = e2eContext();
/** The retention pages' screenshots: written to docs/ with UPDATE_SCREENSHOTS=1, else to .test-results. */
const shots = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs') : path.join(ROOT, '.test-results/screenshots/retention');
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: path.join(shots, `retention-${name}.png`), fullPage });

/** Syncs, and fails when the server refused any change this browser made. */
async function syncAccepted(page: Page) {
  await syncUntilClean(page);
  expect(await readTable(page, 'refused')).toEqual([]);
}

/** How many held exit interviews of `quarter` raised `theme`, as the report's table says. */
async function themeCount(report: Page, quarter: string, theme: string): Promise<number> {
  const rows = await report.getByTestId('exit-themes').locator('tbody tr').allTextContents();
  const row = rows.find((r) => r.startsWith(quarter));
  const m = row && new RegExp(`${theme} (\\d+)`).exec(row);
  return m ? Number(m[1]) : 0;
}

describe.skipIf(!ctx.chromium)('retention: a team manager in Chromium', () => {
  const demo = generateDemoCouncil({ asOf: ctx.demoAsOf });
  const { tomsHolder, confidentialStay } = demo.journeys.retention;
  const session = signedInSession('tom', { file: 'workspace.html#/staff' });
  const quarter = periodOf(ctx.demoAsOf, 'quarter');
  let page: Page;
  let report: Page;
  let themesBefore: number;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    page = session.page;
    await page.reload();
    report = await openExtensionPage(session.browser, 'workspace.html#/reports');
    await report.getByTestId('retention').waitFor({ timeout: 20_000 });
    themesBefore = await themeCount(report, quarter, 'management support');
  });

  it('records a leaver: the post shows vacant, and "recruit to this post" creates its vacancy', async () => {
    const row = page.getByTestId(`staff-post-${tomsHolder.postId}`);
    await row.waitFor({ timeout: 20_000 });
    const name = (await row.getByTestId('post-holder').textContent())!;
    await row.getByRole('button', { name: /Record a leaver/ }).click();
    const form = page.getByRole('form', { name: `Record ${name} leaving` });
    await form.getByLabel('Where to').selectOption('another_council');
    await form.getByLabel('Last day').fill(ctx.demoAsOf);
    await form.getByLabel('Main reason').selectOption('workload');
    await form.getByRole('button', { name: 'Record leaver' }).click();
    await expect.poll(() => row.getByTestId('post-cover').textContent()).toBe('Vacant');
    await syncAccepted(page);

    await row.getByRole('button', { name: /Recruit to this post/ }).click();
    const drafted = async () => (await readTable<Vacancy>(page, 'vacancies')).filter((v) => v.postIds?.includes(tomsHolder.postId));
    await expect.poll(async () => (await drafted()).map((v) => v.status)).toEqual(['draft']);
    await syncAccepted(page);
    await page.getByTestId('staff-message').waitFor();
    await shot(page, 'staff');

    // The establishment page shows the post vacant, as the server now has it.
    const est = await openExtensionPage(session.browser, 'workspace.html#/establishment');
    await est.locator(`#cover-${tomsHolder.postId}`).waitFor({ timeout: 20_000 });
    expect(await est.locator(`#cover-${tomsHolder.postId}`).inputValue()).toBe('vacant');
    expect((await readTable<Post>(est, 'posts')).find((p) => p.id === tomsHolder.postId)?.cover).toBe('vacant');
    await est.close();
  });

  it("records the leaver's exit interview, and its themes appear in the quarter's report", async () => {
    const leaver = (await readTable<Leaver>(page, 'leavers')).find((l) => l.staffId === tomsHolder.staffId)!;
    expect(leaver).toMatchObject({ postId: tomsHolder.postId, leavingDate: ctx.demoAsOf, destination: 'another_council' });
    const ex = await openExtensionPage(session.browser, 'workspace.html#/exit-interviews');
    const row = ex.getByTestId(`exit-${leaver.id}`);
    await row.waitFor({ timeout: 20_000 });
    await row.getByRole('button', { name: /Record interview/ }).click();
    const form = ex.getByRole('form', { name: /^Exit interview of/ });
    await form.getByLabel('Outcome').selectOption('held');
    await form.getByLabel('Held on').fill(ctx.demoAsOf);
    await form.getByLabel('With whom (the colleague they chose)').fill('A colleague from Assessment');
    await form.getByLabel('management support').check();
    await form.getByLabel('caseload').check();
    await form.getByLabel('Notes (never in reports)').fill('Felt unsupported after the restructure');
    await form.getByRole('button', { name: 'Save exit interview' }).click();
    await expect.poll(() => row.textContent()).toContain('management support');
    await syncAccepted(ex);
    await shot(ex, 'exit-interviews');

    await expect.poll(() => themeCount(report, quarter, 'management support'), { timeout: 20_000 }).toBe(themesBefore + 1);
    expect(await report.getByTestId('retention').textContent()).not.toContain('restructure');
    await report.getByTestId('retention').scrollIntoViewIfNeeded();
    await shot(report, 'reports');
    const [year, q] = quarter.split('-Q');
    const print = await openExtensionPage(session.browser, `workspace.html#/reports?print=1&quarter=${year}Q${q}`);
    await print.getByTestId('retention').waitFor({ timeout: 20_000 });
    await expect.poll(() => themeCount(print, quarter, 'management support')).toBe(themesBefore + 1);
    await print.emulateMedia({ media: 'print' });
    await shot(print, 'reports-print', true);
    await print.close();
  });

  it("never shows another manager whom a Stay conversation was with", async () => {
    const person = demo.records.staff.find((s) => s.id === confidentialStay.staffId)!.name;
    const stay = await openExtensionPage(session.browser, 'workspace.html#/stay');
    const row = stay.getByTestId(`stay-${confidentialStay.id}`);
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain('confidential');
    expect(await stay.locator('body').textContent()).not.toContain(person);
    expect(await row.getByRole('button').count()).toBe(0);
    // Nor does this browser hold it: the server sends another manager the conversation without its person.
    const held = (await readTable<Record<string, unknown>>(stay, 'stay_conversations')).find((c) => c.id === confidentialStay.id)!;
    expect([held.staffId ?? null, held.notes ?? null, held.outcome]).toEqual([null, null, demo.records.stay_conversations.find((c) => c.id === confidentialStay.id)!.outcome]);
    await shot(stay, 'stay');
  });
});

describe.skipIf(!ctx.chromium)('retention: the central team and the Stay holder in Chromium', () => {
  const demo = generateDemoCouncil({ asOf: ctx.demoAsOf });
  const { confidentialStay } = demo.journeys.retention;
  const session = signedInSession('priya', { file: 'workspace.html#/transfers' });

  it('shows transfers, incentives, cohorts and caseload to a coordinator', async () => {
    const pages = [
      ['transfers', 'transfer-waits'],
      ['incentives', 'clawbacks'],
      ['cohorts', 'cohorts'],
      ['caseload', 'caseload-grid'],
    ] as const;
    for (const [route, testId] of pages) {
      const p = await openExtensionPage(session.browser, `workspace.html#/${route}`);
      await p.getByTestId(testId).waitFor({ timeout: 20_000 });
      await shot(p, route);
      await p.close();
    }
  });

  it("shows the Stay conversation's person to its holder", async () => {
    const holder = demo.users.find((u) => u.id === confidentialStay.heldBy)!;
    const person = demo.records.staff.find((s) => s.id === confidentialStay.staffId)!.name;
    const { launchWithExtension } = await import('./support/browser');
    const { signIn, demoTokenFor } = await import('./support/session');
    const browser = await launchWithExtension();
    try {
      await signIn(browser, demoTokenFor(holder.name.split(' ')[0]!));
      const stay = await openExtensionPage(browser, 'workspace.html#/stay');
      await syncUntilClean(stay);
      await stay.reload();
      const row = stay.getByTestId(`stay-${confidentialStay.id}`);
      await row.waitFor({ timeout: 20_000 });
      expect(await row.textContent()).toContain(person);
      expect((await readTable<Record<string, unknown>>(stay, 'stay_conversations')).find((c) => c.id === confidentialStay.id)?.staffId).toBe(confidentialStay.staffId);
    } finally {
      await browser.close();
    }
  });
});
