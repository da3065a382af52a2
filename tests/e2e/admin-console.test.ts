import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoCouncil, PRIYA, SAM as SAM_USER, TOM } from '#demo/index';
import { formatDay } from '#shared/calendar';
import type { MeResponse, Settings } from '#shared/schema/index';
import { shortlistingDueDate } from '#shared/targets';
import { ROOT } from '../../scripts/lib/wrangler';
import { SyncClient } from '../contract/client';
import { application, stageEvent, vacancy } from '../contract/records';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { ask, openExtensionPage, syncUntilClean } from './support/extension-page';
import { demoTokenFor, signIn } from './support/session';

const ctx = e2eContext();
const shots = path.join(ROOT, '.test-results/screenshots');
const SAM = demoTokenFor('sam');
/** The admin console's screenshots: into docs/ with UPDATE_SCREENSHOTS=1 (as the README journeys do), else beside the others. */
const adminShots = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs') : shots;
const adminShot = (page: Page, name: `admin-${string}.png`) => page.screenshot({ path: path.join(adminShots, name) });

/** A candidate of this suite's own, so erasing them takes nothing the other suites read. */
const ERIN = { name: 'Erin Castellano', email: 'erin.castellano@example.org' };

/** Every object store of a browser's Shortlist database, as one JSON text to search for a name. */
const wholeDatabase = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('shortlist');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, unknown> = {};
          for (const name of names) {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => (out[name] = req.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );

/** Pushes as a demo person over HTTP, as a browser would (the contract suite's client). */
const pusherFor = (token: string) =>
  new SyncClient(
    {
      push: async (t, body) => {
        const r = await fetch(`${ctx.workerUrl}/v1/sync/push`, { method: 'POST', headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        return { status: r.status, body: await r.json() };
      },
      pull: async () => {
        throw new Error('this client only pushes');
      },
    },
    token,
  );

/** The file a click downloads, as text. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), click()]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

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
  /** The first test's two browsers, which the erasure test goes on with: the admin's and the manager's (on his queue). */
  let journey: { admin: ExtensionBrowser; queue: Page } | null = null;
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
    await adminShot(people, 'admin-people.png');

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
    await adminShot(rules, 'admin-rules.png');
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
    for (const name of ['People', 'Council rules', 'Teams and vacancies', 'Audit trail', 'Erasure and subject access']) expect(await nav.getByRole('link', { name }).count()).toBe(0);
    journey = { admin, queue };
  });

  it('the manager shortlists a candidate, the audit page names it in words, the admin exports then erases them, and both browsers lose the name', async () => {
    expect(journey, 'the invitation test above signs both browsers in').not.toBeNull();
    const { admin, queue } = journey!;

    // A new application for Tom to decide (assigned to him), on a vacancy of this suite's own so that no other suite's
    // counts change, pushed by Priya as her browser would.
    const priya = pusherFor(demoTokenFor('priya'));
    const vacancyId = crypto.randomUUID();
    const ownVacancy = vacancy({ title: 'Social worker, court team (admin console suite)' });
    const erinId = crypto.randomUUID();
    const pushed = await priya.push([
      priya.upsert('vacancies', vacancyId, ownVacancy),
      priya.upsert('applications', erinId, application(vacancyId, { ...ERIN, phone: '07700 900456', assignedTo: TOM.id, receivedDate: ctx.demoAsOf })),
      priya.upsert('stage_events', crypto.randomUUID(), stageEvent(erinId, PRIYA.id, 'applied', { note: 'Keen on the court team' })),
    ]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);

    // Tom shortlists her from his queue.
    await syncUntilClean(queue);
    await queue.getByRole('button', { name: `Shortlist ${ERIN.name}` }).click({ timeout: 20_000 });
    await expect.poll(async () => (await syncUntilClean(queue)).pending, { timeout: 20_000 }).toBe(0);

    // The admin's audit trail says so in words, found by the candidate's name.
    const audit = await openExtensionPage(admin, 'workspace.html#/audit');
    await syncUntilClean(audit);
    await audit.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await audit.getByLabel('Candidate').fill(ERIN.name);
    await audit.getByRole('button', { name: 'Show entries' }).click();
    const entries = audit.getByRole('list', { name: 'Audit entries' });
    // Only her entries, newest first: Priya added her, Tom shortlisted her.
    const lines = () => entries.getByRole('listitem').allTextContents();
    await expect.poll(async () => (await lines()).every((l) => l.includes(ERIN.name)), { timeout: 20_000 }).toBe(true);
    expect((await lines()).map((l) => l.replace(/, \d{1,2} [A-Z][a-z]{2} \d{2}:\d{2}$/, ''))).toEqual([
      `Tom Okafor moved ${ERIN.name} from Applied to Shortlisted`,
      `Priya Shah recorded ${ERIN.name} as Applied`,
      expect.stringMatching(new RegExp(`^Priya Shah added ${ERIN.name}’s application to .+`)),
    ]);
    await adminShot(audit, 'admin-audit.png');

    // Subject access: found by email, everything held shown, exported as JSON and as the server's CSV.
    const sar = await openExtensionPage(admin, 'workspace.html#/subject-access');
    await sar.getByLabel('Email').fill(ERIN.email);
    await sar.getByRole('button', { name: 'Find' }).click();
    const held = sar.getByRole('region', { name: new RegExp(`^${ERIN.name} ·`) });
    await held.waitFor({ timeout: 20_000 });
    expect(await held.getByRole('table', { name: 'Stage history' }).textContent()).toMatch(/Applied.*Priya Shah.*Keen on the court team.*Shortlisted.*Tom Okafor/s);
    await adminShot(sar, 'admin-subject-access.png');
    const json = await downloaded(sar, () => sar.getByRole('button', { name: 'Download JSON' }).click());
    expect(json.name).toMatch(/^subject-access-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(json.text) as { applications: Array<{ application: { name: string }; stageEvents: Array<{ stage: string; by: string }> }> };
    expect(exported.applications.map((a) => a.application.name)).toEqual([ERIN.name]);
    expect(exported.applications[0]!.stageEvents.map((e) => [e.stage, e.by]).sort()).toEqual([
      ['applied', PRIYA.id],
      ['shortlisted', TOM.id],
    ]);
    const csv = await downloaded(sar, () => sar.getByRole('button', { name: 'Download CSV' }).click());
    expect(csv.text).toContain(ERIN.email);
    expect(csv.text).toMatch(/Shortlisted,[^\r\n]*,Tom Okafor/);

    // Erase, after a confirmation that names what goes.
    await sar.getByRole('button', { name: 'Erase this person…' }).click();
    const confirm = sar.getByRole('alertdialog', { name: `Erase ${ERIN.name}?` });
    await confirm.waitFor();
    expect(await confirm.textContent()).toMatch(/1 application: .*Personal details: name, email and phone, .*The notes of 1 stage change\./s);
    await adminShot(sar, 'admin-erase-confirm.png');
    await confirm.getByRole('button', { name: 'Erase the application' }).click();
    const progress = sar.getByRole('region', { name: /the erasure across the council’s browsers/ });
    await progress.getByRole('status').waitFor({ timeout: 20_000 });

    // Both browsers pull the erasure, then come back (which is how the server knows they have it).
    for (let round = 0; round < 2; round++) {
      await syncUntilClean(audit);
      await syncUntilClean(queue);
    }
    for (const [who, page] of [['admin', audit], ['manager', queue]] as const) {
      const everything = await wholeDatabase(page);
      expect(everything, `${who}'s browser still holds the name`).not.toContain('Castellano');
      expect(everything, `${who}'s browser still holds the email`).not.toContain(ERIN.email);
      expect(everything, `${who}'s browser still holds the note`).not.toContain('Keen on the court team');
    }
    await expect.poll(() => queue.locator('table.queue').textContent(), { timeout: 20_000 }).not.toContain(ERIN.name);
    await expect.poll(() => progress.getByRole('status').textContent(), { timeout: 30_000 }).toBe('All 2 active browsers of the council have pulled the erasure.');
    const server = await (await fetch(`${ctx.workerUrl}/v1/admin/erasures/${erinId}`, { headers: { authorization: `Bearer ${SAM}` } })).json();
    expect(server.browsers.map((b: { userId: string; pulledPast: boolean }) => [b.userId, b.pulledPast]).sort()).toEqual([
      [SAM_USER.id, true],
      [TOM.id, true],
    ]);
    await adminShot(sar, 'admin-erasure-progress.png');

    // The trail still says who did what, naming nobody.
    await audit.reload();
    await expect.poll(() => entries.textContent(), { timeout: 20_000 }).toMatch(/^Sam Kerr erased a candidate and the notes of 1 stage change, /);
    const trail = (await entries.textContent())!;
    expect(trail).toMatch(/Sam Kerr answered a subject-access request for an erased candidate \(found by email\)/);
    expect(trail).toMatch(/Tom Okafor moved an erased candidate from Applied to Shortlisted, /);
    expect(trail).toMatch(/Sam Kerr changed the council’s rules: shortlisting target, /);
    expect(trail).not.toContain('Castellano');

    // The suite's vacancy is cancelled, so the erased application leaves Tom's queue for the suites after this one.
    expect((await priya.push([priya.upsert('vacancies', vacancyId, { ...ownVacancy, status: 'cancelled' })])).status).toBe(200);
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
    // A fresh profile's first pull of the whole demo council, then its live queries: slow on a busy machine.
    await page.getByRole('heading', { name: 'Teams and vacancies' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Add a vacancy' }).click({ timeout: 60_000 });
    await page.getByRole('form', { name: 'Add a vacancy' }).waitFor({ timeout: 60_000 });
    await adminShot(page, 'admin-teams-vacancies.png');
  });
});
