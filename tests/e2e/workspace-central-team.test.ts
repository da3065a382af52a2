import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, mondayOf } from '#shared/calendar';
import { generateDemoCouncil } from '#demo/index';
import { computeReport } from '#shared/measures/index';
import type { Advert, Application, Post, RotaSlot, StageEvent, Vacancy } from '#shared/schema/index';
import { ROOT } from '../../scripts/lib/wrangler';
import { periodRange } from '../../extension/ui/workspace/central-team/reportModel';
import { e2eContext } from './support/context';
import { openExtensionPage, readTable } from './support/extension-page';
import { signedInSession } from './support/session';

const ctx = e2eContext();
const shots = path.join(ROOT, '.test-results/screenshots');
const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

/** The report shared/measures computes over exactly what this browser holds. */
async function expectedReport(page: Page, teamId?: string) {
  const [applications, events, vacancies, adverts, posts] = await Promise.all([
    readTable<Application>(page, 'applications'),
    readTable<StageEvent>(page, 'stage_events'),
    readTable<Vacancy>(page, 'vacancies'),
    readTable<Advert>(page, 'adverts'),
    readTable<Post>(page, 'posts'),
  ]);
  const demo = generateDemoCouncil({ asOf: ctx.demoAsOf });
  const { from, to } = periodRange({ period: 'this-quarter' }, ctx.demoAsOf);
  return computeReport(
    { applications, events, vacancies, adverts, posts, settings: demo.settings, asOf: ctx.demoAsOf },
    { from, to, groupBy: 'month', ...(teamId ? { teamIds: [teamId] } : {}) },
  );
}

describe.skipIf(!ctx.chromium)("the central team's workspace pages", () => {
  const demo = generateDemoCouncil({ asOf: ctx.demoAsOf });
  const session = signedInSession('amira', { file: 'workspace.html#/reports' });
  /** The reports page, reloaded once the first sync is in. */
  let page: Page;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    page = session.page;
    await page.reload();
  });

  it('shows the figures shared/measures computes on the same data, and filters to a team', async () => {
    await page.getByTestId('headline').waitFor({ timeout: 20_000 });
    const expected = await expectedReport(page);
    expect(await page.getByTestId('figure-applications').textContent()).toBe(String(expected.applications));
    expect(await page.getByTestId('figure-sla-shortlisting').textContent()).toBe(pct(expected.sla.shortlisting.rate));
    expect(await page.getByTestId('figure-offer-acceptance').textContent()).toBe(pct(expected.offerAcceptance.rate));
    expect(await page.getByTestId('figure-vacancy-rate').textContent()).toBe(pct(expected.workforce.vacancyRate));
    await page.screenshot({ path: path.join(shots, 'workspace-reports.png'), fullPage: false });

    const cwd = demo.journeys.cwd.teamId;
    await page.getByLabel('Team', { exact: true }).selectOption(cwd);
    const team = await expectedReport(page, cwd);
    await expect.poll(() => page.getByTestId('figure-vacancy-rate').textContent()).toBe(pct(team.workforce.vacancyRate));
    expect(await page.getByTestId('figure-agency-rate').textContent()).toBe(pct(team.workforce.agencyRate));
    expect(team.workforce.vacancyRate).toBeGreaterThan(0.2);
  });

  it('exports the figures as CSV and has a print view', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export figures as CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('Measure,Value');
    expect(csv).toContain('Time to hire, median (calendar days)');
    const [year, month] = ctx.demoAsOf.split('-').map(Number) as [number, number];
    const quarter = `${year}Q${Math.floor((month - 1) / 3) + 1}`;
    const print = await openExtensionPage(session.browser, `workspace.html#/reports?print=1&quarter=${quarter}`);
    await print.getByTestId('headline').waitFor({ timeout: 20_000 });
    expect(await print.locator('h1').textContent()).toBe(`${demo.organisation.name}: recruitment report, ${year} Q${quarter.slice(-1)}`);
    expect(await print.getByTestId('printed-on').textContent()).toContain(demo.organisation.name);
    await print.emulateMedia({ media: 'print' });
    await print.screenshot({ path: path.join(shots, 'workspace-reports-print.png'), fullPage: true });
  });

  it("edits a post's cover and it stays after a reload", async () => {
    const est = await openExtensionPage(session.browser, 'workspace.html#/establishment');
    const post = demo.records.posts.find((p) => p.cover === 'vacant')!;
    const select = est.locator(`#cover-${post.id}`);
    await select.waitFor({ timeout: 20_000 });
    await est.screenshot({ path: path.join(shots, 'workspace-establishment.png') });
    await select.selectOption('interim');
    await expect.poll(async () => (await readTable<Post>(est, 'posts')).find((p) => p.id === post.id)?.cover).toBe('interim');
    await est.reload();
    await est.locator(`#cover-${post.id}`).waitFor({ timeout: 20_000 });
    expect(await est.locator(`#cover-${post.id}`).inputValue()).toBe('interim');
    expect((await readTable<Post>(est, 'posts')).find((p) => p.id === post.id)?.cover).toBe('interim');

    // The weekly confirmation shows at once, without a reload, and stamps this Monday on the team's posts.
    const section = est.getByTestId(`team-${post.teamId}`);
    await section.getByRole('button', { name: "Confirm this week's establishment" }).click();
    await section.getByText('confirmed this week').waitFor({ timeout: 10_000 });
    const teamPosts = (await readTable<Post>(est, 'posts')).filter((p) => p.teamId === post.teamId);
    expect(teamPosts.every((p) => p.confirmedWeek === mondayOf(ctx.demoAsOf))).toBe(true);
  });

  it('adds a manager to a future week of the rota, and it stays after a reload', async () => {
    const rota = await openExtensionPage(session.browser, 'workspace.html#/rota');
    const week = addDays(mondayOf(ctx.demoAsOf), 14);
    const row = rota.getByTestId(`week-${week}`);
    await row.waitFor({ timeout: 20_000 });
    const before = (await readTable<RotaSlot>(rota, 'rota_slots')).filter((s) => s.week === week).length;
    await row.getByLabel('Manager', { exact: true }).selectOption('user-tom');
    await row.getByLabel('Duty', { exact: true }).selectOption('interviewing');
    const vacancy = demo.records.vacancies.find((v) => v.status === 'open')!;
    await row.getByLabel('For', { exact: true }).selectOption(`vacancy:${vacancy.id}`);
    await row.getByRole('button', { name: 'Add' }).click();
    await expect.poll(async () => (await readTable<RotaSlot>(rota, 'rota_slots')).filter((s) => s.week === week).length).toBe(before + 1);
    const added = (await readTable<RotaSlot>(rota, 'rota_slots')).filter((s) => s.week === week && s.vacancyId === vacancy.id && s.managerId === 'user-tom');
    expect(added.map((s) => [s.duty, s.teamId])).toEqual([['interviewing', null]]);
    await rota.reload();
    await rota.getByTestId(`week-${week}`).waitFor({ timeout: 20_000 });
    expect(await rota.getByTestId(`week-${week}`).textContent()).toContain(`Tom Okafor (${vacancy.title})`);
    expect((await readTable<RotaSlot>(rota, 'rota_slots')).filter((s) => s.week === week).length).toBe(before + 1);
    await rota.screenshot({ path: path.join(shots, 'workspace-rota.png') });
  });

  it('swaps two managers of this week from the keyboard, and the swap stays after a reload', async () => {
    const rota = await openExtensionPage(session.browser, 'workspace.html#/rota');
    const week = mondayOf(ctx.demoAsOf);
    await rota.getByTestId(`week-${week}`).waitFor({ timeout: 20_000 });
    const slots = (await readTable<RotaSlot>(rota, 'rota_slots')).filter((s) => s.week === week);
    const a = slots[0]!;
    const b = slots.find((s) => s.managerId !== a.managerId)!;
    expect(b).toBeDefined();
    const item = rota.getByTestId(`slot-${a.id}`);
    await item.getByLabel('Swap with').selectOption(b.id);
    await item.getByRole('button', { name: 'Swap' }).focus();
    await rota.keyboard.press('Enter');
    const managerOf = async (id: string) => (await readTable<RotaSlot>(rota, 'rota_slots')).find((s) => s.id === id)?.managerId;
    await expect.poll(() => managerOf(a.id)).toBe(b.managerId);
    expect(await managerOf(b.id)).toBe(a.managerId);
    await rota.reload();
    await rota.getByTestId(`slot-${a.id}`).waitFor({ timeout: 20_000 });
    expect(await managerOf(a.id)).toBe(b.managerId);
    expect(await managerOf(b.id)).toBe(a.managerId);
  });
});
