import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoCouncil, TOM } from '#demo/index';
import { formatDay } from '#shared/calendar';
import type { MeResponse, Settings } from '#shared/schema/index';
import { shortlistingDueDate } from '#shared/targets';
import { ROOT } from '../../scripts/lib/wrangler';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { ask, openExtensionPage, syncUntilClean } from './support/extension-page';
import { demoTokenFor, signIn } from './support/session';

const ctx = e2eContext();
const shots = path.join(ROOT, '.test-results/screenshots');
const SAM = demoTokenFor('sam');

const me = async (token: string) => (await (await fetch(`${ctx.workerUrl}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as MeResponse;
const putSettings = (settings: Settings) =>
  fetch(`${ctx.workerUrl}/v1/admin/settings`, { method: 'PUT', headers: { authorization: `Bearer ${SAM}`, 'content-type': 'application/json' }, body: JSON.stringify(settings) });

/** Due dates (the countdown's "Due …" title) of the shortlisting decisions in the manager's queue, by application. */
async function shortlistingDue(page: Page): Promise<Map<string, string>> {
  const rows = page.locator('table.queue tbody tr', { hasText: 'Shortlisting decision' });
  const out = new Map<string, string>();
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out.set((await row.getAttribute('data-application-id'))!, ((await row.locator('.countdown').getAttribute('title')) ?? '').replace(/^Due /, ''));
  }
  return out;
}

describe.skipIf(!ctx.chromium)('admin console: invitation, sign-in from the link, the council’s rules reaching a manager', () => {
  const demo = generateDemoCouncil({ asOf: ctx.demoAsOf });
  const opened: ExtensionBrowser[] = [];
  let original: Settings | null = null;
  const launch = async () => {
    const b = await launchWithExtension();
    opened.push(b);
    return b;
  };
  afterAll(async () => {
    // Later suites expect the demo council's own rules.
    if (original) expect((await putSettings(original)).status).toBe(200);
    await Promise.all(opened.map((b) => b.close()));
  });

  it('an admin invites a manager, who signs in from the link with no token typed, and sees the new shortlisting target after a sync', async () => {
    mkdirSync(shots, { recursive: true });
    original = (await me(SAM)).settings;
    expect(original.shortlistWorkingDays).not.toBe(3);

    // The admin (Sam) makes Tom a new invitation on the People page.
    const admin = await launch();
    await signIn(admin, SAM);
    const people = await openExtensionPage(admin, 'workspace.html#/people');
    const tomRow = people.getByRole('row', { name: new RegExp(TOM.name) });
    await tomRow.getByRole('button', { name: `New invitation for ${TOM.name}` }).click();
    const panel = people.getByRole('region', { name: `Invitation for ${TOM.name}` });
    await panel.waitFor({ timeout: 15_000 }).catch(async (err) => {
      await people.screenshot({ path: path.join(shots, 'failed-admin-people.png'), fullPage: true });
      throw err;
    });
    const link = await panel.getByLabel('Invitation link').inputValue();
    expect(link).toMatch(new RegExp(`^${ctx.workerUrl}/invite/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$`));
    await people.evaluate(() => scrollTo(0, 0));
    await people.screenshot({ path: path.join(shots, 'admin-people.png') });

    // Tom's browser, a profile of its own, opens the link from the email and presses the button.
    const manager = await launch();
    const invite = await manager.context.newPage();
    await invite.goto(link);
    const button = invite.getByRole('button', { name: 'Sign in to Shortlist' });
    await button.waitFor({ timeout: 20_000 });
    await invite.screenshot({ path: path.join(shots, 'invite-page.png') });
    await button.click();
    await invite.getByText(`Signed in to Shortlist as ${TOM.name}`).waitFor({ timeout: 20_000 });
    // The link is spent: opening it again cannot sign anyone in.
    const again = await fetch(`${ctx.workerUrl}/v1/invitations/redeem`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: link.split('/').at(-1) }) });
    expect(again.status).toBe(410);

    const queue = await openExtensionPage(manager, 'workspace.html#/queue');
    await syncUntilClean(queue);
    const status = (await ask<{ user?: { id: string } }>(queue, { type: 'getStatus' })).data!;
    expect(status.user?.id).toBe(TOM.id);
    await queue.getByRole('heading', { name: 'My queue' }).waitFor();
    await queue.locator('table.queue tbody tr', { hasText: 'Shortlisting decision' }).first().waitFor({ timeout: 20_000 });
    const before = await shortlistingDue(queue);
    expect(before.size).toBeGreaterThan(0);

    // The admin sets the shortlisting target to 3 working days, seeing the effect before saving.
    const rules = await openExtensionPage(admin, 'workspace.html#/rules');
    const target = rules.getByLabel('Shortlisting target (working days)');
    await target.fill('3');
    const effect = rules.getByRole('region', { name: 'What this means' });
    await expect.poll(() => effect.textContent()).toMatch(/due a shortlisting decision by/);
    await rules.screenshot({ path: path.join(shots, 'admin-rules.png'), fullPage: true });
    await rules.getByRole('button', { name: 'Save the rules' }).click();
    await rules.getByText(/Every browser uses these rules from its next sync/).waitFor({ timeout: 20_000 });
    expect((await me(SAM)).settings.shortlistWorkingDays).toBe(3);

    // Tom's next sync brings the rule: every decision in his queue is now due 3 working days after it became ready.
    await syncUntilClean(queue);
    const settings = { ...original, shortlistWorkingDays: 3 };
    const expected = new Map(
      [...before.keys()].map((id) => {
        const app = demo.records.applications.find((a) => a.id === id)!;
        const vacancy = demo.records.vacancies.find((v) => v.id === app.vacancyId)!;
        return [id, formatDay(shortlistingDueDate(app, vacancy, settings))];
      }),
    );
    await expect.poll(() => shortlistingDue(queue), { timeout: 20_000 }).toEqual(expected);
    expect([...expected.values()]).not.toEqual([...before.values()]);
    await queue.screenshot({ path: path.join(shots, 'manager-queue-after-rules.png') });

    // No admin page, and no record form, for a manager.
    const nav = queue.getByRole('navigation', { name: 'Workspace' });
    for (const name of ['People', 'Council rules', 'Teams and vacancies']) expect(await nav.getByRole('link', { name }).count()).toBe(0);
  });

  it('the options page offers the invitation code first, the token as the fallback (screenshot)', async () => {
    const b = await launch();
    const page = await openExtensionPage(b, 'options.html');
    await page.getByRole('textbox', { name: 'Invitation code' }).waitFor();
    await page.getByRole('button', { name: 'Use invitation code' }).click();
    await page.getByText('Enter the code from the invitation email, like K7QM-2XHD-9RTB').waitFor();
    await page.screenshot({ path: path.join(shots, 'options-sign-in.png'), fullPage: true });
  });

  it('a coordinator gets the teams and vacancies forms (screenshot)', async () => {
    const b = await launch();
    await signIn(b, demoTokenFor('priya'));
    const page = await openExtensionPage(b, 'workspace.html#/teams');
    await syncUntilClean(page);
    await page.getByRole('heading', { name: 'Teams and vacancies' }).waitFor();
    await page.getByRole('button', { name: 'Add a vacancy' }).click();
    await page.getByRole('form', { name: 'Add a vacancy' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'coordinator-teams-vacancies.png') });
  });
});
