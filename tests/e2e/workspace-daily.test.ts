import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAtsCsvExport, generateDemoCouncil, TOM } from '#demo/index';
import type { PullResponse } from '#shared/schema/index';
import { ROOT } from '../../scripts/lib/wrangler';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { openExtensionPage, readTable, syncUntilClean } from './support/extension-page';
import { demoTokenFor, signIn } from './support/session';

const ctx = e2eContext();
const shots = path.join(ROOT, '.test-results/screenshots');
const COUNTDOWN = /due in \d+ working days?|due today|overdue \d+ working days?/;

/** Every record of a table the server holds for a token. */
async function serverRecords(token: string, table: string): Promise<Record<string, unknown>[]> {
  const out = new Map<string, Record<string, unknown>>();
  let cursor = 0;
  for (;;) {
    const res = await fetch(`${ctx.workerUrl}/v1/sync/pull?cursor=${cursor}&limit=2000`, { headers: { authorization: `Bearer ${token}` } });
    const page = (await res.json()) as PullResponse;
    for (const c of page.changes) if (c.table === table && c.record) out.set(c.recordId, c.record);
    cursor = page.cursor;
    if (!page.hasMore) return [...out.values()];
  }
}

/** The toolbar badge's text, read in the background service worker. */
const badgeText = (b: ExtensionBrowser) =>
  b.background.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));
const notificationIds = (b: ExtensionBrowser) =>
  b.background.evaluate(async () =>
    Object.keys(await (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }).chrome.notifications.getAll()),
  );

const decisionRows = (page: Page) => page.locator('table.queue tbody tr', { hasText: 'Shortlisting decision' });

describe.skipIf(!ctx.chromium)('the daily-work pages of the workspace', () => {
  const demo = generateDemoCouncil({ asOf: ctx.demoAsOf });
  const { tom, priya } = demo.journeys;
  const opened: ExtensionBrowser[] = [];
  let tomBrowser: ExtensionBrowser;
  let page: Page;
  /** The candidate the board shortlists, opened afterwards on the candidate page. */
  let movedId = '';
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    tomBrowser = await launchWithExtension();
    opened.push(tomBrowser);
    await signIn(tomBrowser, demoTokenFor('tom'));
    page = await openExtensionPage(tomBrowser, 'workspace.html#/queue');
    await syncUntilClean(page);
  });
  afterAll(async () => {
    await Promise.all(opened.map((b) => b.close()));
  });

  it("lists Tom's 7 applications with countdowns; he shortlists one and rejects one with a reason, and both reach the server", async () => {
    await expect.poll(() => decisionRows(page).count(), { timeout: 20_000 }).toBe(tom.queue.length);
    expect(tom.queue).toHaveLength(7);
    const overdueIds = await page.locator('table.queue tbody tr', { has: page.locator('.status-red') }).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-application-id')!));
    expect(overdueIds.length).toBeGreaterThan(0);
    // The badge counts his overdue items, and each was announced once.
    await expect.poll(() => badgeText(tomBrowser), { timeout: 10_000 }).toBe(String(overdueIds.length));
    // The notifications are created one after another once the badge is set: wait for all of them.
    await expect.poll(async () => (await notificationIds(tomBrowser)).sort(), { timeout: 10_000 }).toEqual(overdueIds.map((id) => `overdue:${id}:shortlisting_decision`).sort());
    for (const row of await decisionRows(page).all()) expect(await row.textContent()).toMatch(COUNTDOWN);
    const ids = await decisionRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-application-id')));
    expect([...ids].sort()).toEqual([...tom.queue].sort());
    await page.screenshot({ path: path.join(shots, 'workspace-queue.png') });

    // The queue exports as CSV: a header and one line per item.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^my-queue-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('Candidate,Vacancy,Awaiting,Received,Due,Countdown,Status,ATS reference');
    expect(lines.filter((l) => l.includes('Shortlisting decision'))).toHaveLength(tom.queue.length);

    const [shortlistId, rejectId] = [ids[0]!, ids[1]!];
    const shortlistRow = page.locator(`tr[data-application-id="${shortlistId}"]`);
    await shortlistRow.getByRole('button', { name: /^Shortlist / }).click();
    await expect.poll(() => decisionRows(page).count()).toBe(6);

    const rejectRow = page.locator(`tr[data-application-id="${rejectId}"]`);
    await rejectRow.getByRole('button', { name: /^Reject / }).click();
    // No reason, no rejection: the select is required.
    await rejectRow.getByRole('button', { name: 'Confirm rejection' }).click();
    expect(await decisionRows(page).count()).toBe(6);
    await rejectRow.getByLabel(/Reason for rejecting/).selectOption('insufficient_experience');
    await page.screenshot({ path: path.join(shots, 'workspace-queue-reject.png') });
    await rejectRow.getByRole('button', { name: 'Confirm rejection' }).click();
    await expect.poll(() => decisionRows(page).count()).toBe(5);

    await syncUntilClean(page);
    // Deciding overdue ones lowers the badge after the sync.
    const left = overdueIds.filter((id) => id !== shortlistId && id !== rejectId).length;
    await expect.poll(() => badgeText(tomBrowser), { timeout: 10_000 }).toBe(left ? String(left) : '');
    const events = await serverRecords(demoTokenFor('priya'), 'stage_events');
    expect(events.some((e) => e.applicationId === shortlistId && e.stage === 'shortlisted' && e.by === TOM.id)).toBe(true);
    expect(events.some((e) => e.applicationId === rejectId && e.stage === 'rejected' && e.reason === 'insufficient_experience' && e.by === TOM.id)).toBe(true);
  });

  it('shows Tom his queue in the popup, with countdowns', async () => {
    const popup = await openExtensionPage(tomBrowser, 'popup.html');
    await popup.setViewportSize({ width: 420, height: 600 });
    const items = popup.getByTestId('today-list').locator('li');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
    expect(await items.count()).toBeLessThanOrEqual(7);
    expect(await items.first().textContent()).toMatch(COUNTDOWN);
    await popup.screenshot({ path: path.join(shots, 'popup-today.png') });
    await popup.close();
  });

  it('moves a candidate on the board with “Move to…”, and refuses a drag that skips steps', async () => {
    await page.goto(tomBrowser.extensionPage(`workspace.html#/board?vacancy=${priya.vacancyId}`));
    const applied = page.locator('section[data-stage="applied"]');
    await expect.poll(() => applied.locator('li.card').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const cardIds = await applied.locator('li.card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-application-id')!));
    movedId = cardIds[0]!;
    const card = page.locator(`li.card[data-application-id="${movedId}"]`);
    await card.getByLabel(/^Move .+ to…$/).selectOption('shortlisted');
    await card.getByRole('button', { name: 'Move' }).click();
    await expect.poll(() => page.locator(`section[data-stage="shortlisted"] li.card[data-application-id="${movedId}"]`).count()).toBe(1);

    // Dragging an Applied card to Offered is refused with the stage machine's reason.
    const other = page.locator(`section[data-stage="applied"] li.card`).first();
    await other.dragTo(page.locator('section[data-stage="offered"]'));
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/Not moved: .*shortlist and interview first/);
    // Dragging it to Shortlisted, an allowed move needing nothing more, moves it at once.
    const draggedId = (await other.getAttribute('data-application-id'))!;
    await page.locator(`li.card[data-application-id="${draggedId}"]`).dragTo(page.locator('section[data-stage="shortlisted"]'));
    await expect.poll(() => page.locator(`section[data-stage="shortlisted"] li.card[data-application-id="${draggedId}"]`).count()).toBe(1);
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: path.join(shots, 'workspace-board.png') });

    await syncUntilClean(page);
    const events = await readTable<{ applicationId: string; stage: string; by: string }>(page, 'stage_events');
    expect(events.some((e) => e.applicationId === movedId && e.stage === 'shortlisted')).toBe(true);
    expect(events.some((e) => e.applicationId === draggedId && e.stage === 'shortlisted' && e.by === TOM.id)).toBe(true);
  });

  it('opens the candidate from the board and books the interview with a note that shows in the history', async () => {
    await page.locator(`li.card[data-application-id="${movedId}"] a`).click();
    await expect.poll(() => page.url()).toContain(`#/candidate?id=${movedId}`);
    const app = demo.records.applications.find((a) => a.id === movedId)!;
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe(app.name);
    const details = await page.locator('dl.detail-grid').textContent();
    expect(details).toContain(app.email!);
    expect(details).toContain('Shortlisted');
    await page.getByLabel(/^Move .+ to…$/).selectOption('interview_booked');
    expect(await page.locator('.move-form .hint').textContent()).toMatch(/^Interview due by /);
    const when = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Interview date and time').fill(`${when}T10:30`);
    await page.getByLabel('Note (optional)').fill('Panel: Tom and Priya');
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    const history = page.locator('table').last();
    await expect.poll(() => history.textContent()).toContain('Panel: Tom and Priya');
    expect(await history.textContent()).toContain('Interview booked');
    await page.screenshot({ path: path.join(shots, 'workspace-candidate.png') });
  });

  it('shows the whole council on the board without a filter, quickly enough to use', async () => {
    const started = Date.now();
    await page.goto(tomBrowser.extensionPage('workspace.html#/board'));
    // Every application in this browser: the demo's 400 plus any other suites captured.
    const held = (await readTable(page, 'applications')).length;
    expect(held).toBeGreaterThanOrEqual(demo.records.applications.length);
    await expect.poll(() => page.locator('li.card').count(), { timeout: 20_000 }).toBe(held);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('shows the checks of accepted candidates and what holds their start date', async () => {
    await page.goto(tomBrowser.extensionPage('workspace.html#/checks'));
    await expect.poll(() => page.locator('article.checks-card').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.locator('article.checks-card').first().textContent()).toMatch(/Holding the start date|All checks cleared/);
    await page.screenshot({ path: path.join(shots, 'workspace-checks.png') });
  });

  it("imports Priya's ATS export: 3 bad rows with their line numbers, 5 duplicates skipped", async () => {
    const priyaBrowser = await launchWithExtension();
    opened.push(priyaBrowser);
    await signIn(priyaBrowser, demoTokenFor('priya'));
    const p = await openExtensionPage(priyaBrowser, 'workspace.html#/import');
    await syncUntilClean(p);
    const exported = demoAtsCsvExport(demo);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'shortlist-import-')), exported.filename);
    writeFileSync(file, exported.csv);
    await p.locator('input[type=file]').setInputFiles(file);
    // The columns are guessed from the export's headers.
    expect(await p.getByLabel('Candidate name (required)').locator('option:checked').textContent()).toBe('Candidate Name');
    expect(await p.getByLabel('Job reference (required)').locator('option:checked').textContent()).toBe('Job Reference');
    await p.screenshot({ path: path.join(shots, 'workspace-import-mapping.png') });
    await p.getByRole('button', { name: `Import ${exported.rows} rows` }).click();
    const summary = p.locator('.import-summary');
    await expect.poll(() => summary.textContent(), { timeout: 60_000 }).toContain('204 imported, 5 duplicates skipped, 3 rows with problems');
    const problemLines = await p.locator('table.import-problems tbody tr td:first-child').allTextContents();
    expect(problemLines).toEqual(exported.invalid.map((x) => `Line ${x.line}`));
    const dupLines = await p.locator('table.import-dupes tbody tr td:first-child').allTextContents();
    expect(dupLines).toEqual(exported.duplicates.map((x) => `Line ${x.line}`));
    expect(await p.locator('progress').getAttribute('value')).toBe('204');
    await p.screenshot({ path: path.join(shots, 'workspace-import.png'), fullPage: false });
    await syncUntilClean(p, 60_000);
  });
});
