import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { demoAtsCsvExport, generateDemoCouncil } from '#demo/index';
import { SYNC_SCHEMA_VERSION, type Post, type PullResponse, type StageEvent } from '#shared/schema/index';
import { seedDemoCouncil } from '../../scripts/lib/demo';
import { stopProcess } from '../../scripts/lib/processes';
import { applyLocalMigrations, executeLocalSql, startLocalWorker } from '../../scripts/lib/wrangler';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { ask, openExtensionPage, readTable, syncUntilClean, type StatusData } from './support/extension-page';
import { E2E_WORKER_PORT } from './support/hosts';
import { startSwitchableProxy } from './support/proxy';
import { demoTokenFor, signIn } from './support/session';

const ctx = e2eContext();

/** Everything the server holds for a token, paging the pull to the end. */
async function serverRecords(workerUrl: string, token: string): Promise<Map<string, Record<string, unknown>>> {
  const records = new Map<string, Record<string, unknown>>();
  let cursor = 0;
  for (;;) {
    const res = await fetch(`${workerUrl}/v1/sync/pull?cursor=${cursor}&limit=2000`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const page = (await res.json()) as PullResponse;
    for (const c of page.changes) {
      if (c.deleted || !c.record) records.delete(`${c.table}/${c.recordId}`);
      else records.set(`${c.table}/${c.recordId}`, c.record);
    }
    cursor = page.cursor;
    if (!page.hasMore) return records;
  }
}

const status = async (page: Page) => (await ask<StatusData>(page, { type: 'getStatus' })).data!;

/**
 * Types into one of an agency post's fields on the establishment page and leaves it, as a person
 * does (it saves on change), until this browser holds the value: a live update that redraws the
 * row in the middle of an edit (the previous field's save, a pull) puts the stored value back, as
 * it would under a person's cursor, who then types it again.
 */
async function editAgencyField(page: Page, postId: string, field: 'agencyName' | 'agencyWeeklyCost', value: string): Promise<void> {
  const label = field === 'agencyName' ? /^Agency of this / : /^Weekly cost in pounds of this /;
  const saved = async () => String((await readTable<Post>(page, 'posts')).find((x) => x.id === postId)?.[field]) === value;
  for (let attempt = 0; attempt < 3 && !(await saved()); attempt++) {
    const input = page.getByTestId(`post-${postId}`).getByLabel(label);
    await input.fill(value);
    await input.blur();
    await expect.poll(saved, { timeout: 3_000 }).toBe(true).catch(() => undefined);
  }
  expect(await saved(), `${field} of post ${postId} saved`).toBe(true);
}

/** Moves a candidate on their page ("Move to…", a note, Move) and waits for the move in the history. */
async function moveWithNote(page: Page, stage: string, note: string): Promise<void> {
  await page.getByLabel(/^Move .+ to…$/).selectOption(stage);
  await page.getByLabel('Note (optional)').fill(note);
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  await expect.poll(() => page.locator('table').last().textContent(), { timeout: 10_000 }).toContain(note);
}

describe.skipIf(!ctx.chromium)('sync between browsers, offline and across server restarts', () => {
  const demo = generateDemoCouncil({ asOf: ctx.demoAsOf });
  // An application at Applied outside every journey: editing it changes nothing another suite checks.
  const target = (() => {
    const j = demo.journeys;
    const busy = new Set([j.priya.vacancyId, j.untrackedAdvert.vacancyId, j.returningCandidate.vacancyId]);
    const mine = new Set([...j.tom.queue, ...j.priya.awaiting, ...j.priya.shortlisted, ...j.priya.offered, ...j.priya.exited]);
    const withEvents = new Map<string, string[]>();
    for (const e of demo.records.stage_events) withEvents.set(e.applicationId, [...(withEvents.get(e.applicationId) ?? []), e.stage]);
    const app = demo.records.applications.find((a) => !busy.has(a.vacancyId) && !mine.has(a.id) && !a.erased && withEvents.get(a.id)?.join() === 'applied');
    if (!app) throw new Error('demo data has no application at Applied outside the journeys');
    return app.id;
  })();
  // An agency post outside the journeys' team (Children with Disabilities): no other suite reads its agency or cost.
  const post = demo.records.posts.find((x) => x.cover === 'agency' && x.teamId !== demo.journeys.cwd.teamId)!.id;
  const opened: ExtensionBrowser[] = [];
  const launch = async () => {
    const b = await launchWithExtension();
    opened.push(b);
    return b;
  };
  afterAll(async () => {
    await Promise.all(opened.map((b) => b.close()));
  });

  it('two profiles of one council converge after one edits offline, and nothing is lost', async () => {
    const proxy = await startSwitchableProxy(E2E_WORKER_PORT);
    try {
      const priya = await launch();
      const amira = await launch();
      await signIn(priya, demoTokenFor('priya'));
      await signIn(amira, demoTokenFor('amira'), proxy.url);
      const p = await openExtensionPage(priya);
      const a = await openExtensionPage(amira);
      await syncUntilClean(p);
      await syncUntilClean(a);
      // Both hold every application on the server (the demo's 400, plus any other suites added).
      const onServerNow = [...(await serverRecords(ctx.workerUrl, demoTokenFor('priya'))).keys()].filter((k) => k.startsWith('applications/')).length;
      expect(onServerNow).toBeGreaterThanOrEqual(demo.records.applications.length);
      expect((await readTable(p, 'applications')).length).toBe(onServerNow);
      expect((await readTable(a, 'applications')).length).toBe(onServerNow);

      // Amira loses the network and keeps working: she renames an agency post's agency on the
      // establishment page and shortlists a candidate with a note on the candidate's page.
      proxy.setOnline(false);
      const aEst = await openExtensionPage(amira, 'workspace.html#/establishment');
      await aEst.getByTestId(`post-${post}`).waitFor({ timeout: 20_000 });
      await editAgencyField(aEst, post, 'agencyName', 'Edited offline by Amira');
      const aCandidate = await openExtensionPage(amira, `workspace.html#/candidate?id=${target}`);
      await moveWithNote(aCandidate, 'shortlisted', 'Strong CiC experience');
      const event = (await readTable<StageEvent>(a, 'stage_events')).find((e) => e.applicationId === target && e.note === 'Strong CiC experience');
      expect(event?.stage).toBe('shortlisted');
      await ask(a, { type: 'syncNow' });
      const offline = await status(a);
      expect(offline.pending).toBe(2);
      expect(offline.lastError?.kind).toBe('offline');
      // Her own writes read back at once, offline.
      expect((await readTable<Post>(a, 'posts')).find((x) => x.id === post)?.agencyName).toBe('Edited offline by Amira');

      // Meanwhile Priya, online, edits the same post: its agency and its weekly cost.
      const pEst = await openExtensionPage(priya, 'workspace.html#/establishment');
      await pEst.getByTestId(`post-${post}`).waitFor({ timeout: 20_000 });
      await editAgencyField(pEst, post, 'agencyName', 'Edited online by Priya');
      await editAgencyField(pEst, post, 'agencyWeeklyCost', '1990');
      await syncUntilClean(p);

      proxy.setOnline(true);
      await syncUntilClean(a);
      await syncUntilClean(p);

      const onServer = await serverRecords(ctx.workerUrl, demoTokenFor('priya'));
      const server = onServer.get(`posts/${post}`)!;
      const inPriya = (await readTable<Post>(p, 'posts')).find((x) => x.id === post)!;
      const inAmira = (await readTable<Post>(a, 'posts')).find((x) => x.id === post)!;
      expect(inPriya).toEqual(server);
      expect(inAmira).toEqual(server);
      // Last writer wins by clock on the field both edited; Priya's other field survives.
      expect(['Edited offline by Amira', 'Edited online by Priya']).toContain(server.agencyName);
      expect(server.agencyWeeklyCost).toBe(1990);
      // The offline stage decision reached the server and both browsers, once.
      expect(onServer.has(`stage_events/${event!.id}`)).toBe(true);
      for (const page of [p, a]) {
        const events = (await readTable<{ id: string }>(page, 'stage_events')).filter((e) => e.id === event!.id);
        expect(events).toHaveLength(1);
      }
    } finally {
      await proxy.close();
    }
  });

  it("shows another council's profile none of it", async () => {
    const d1 = path.join(ctx.stateDir, 'd1');
    // A second organisation, with a user whose token is "sl_other_council".
    const hash = createHash('sha256').update('sl_other_council').digest('hex');
    const now = new Date().toISOString();
    const later = new Date(Date.now() + 86_400_000).toISOString();
    await executeLocalSql(
      d1,
      `INSERT OR IGNORE INTO organisations (id, name, created_at) VALUES ('org-other', 'Other Borough Council', '${now}');
       INSERT OR IGNORE INTO users (id, org_id, name, email, role, active, created_at) VALUES ('user-other', 'org-other', 'Olu Other', 'olu@other.example', 'central', 1, '${now}');
       INSERT OR IGNORE INTO credentials (id, org_id, user_id, token_hash, prefix, created_at, expires_at) VALUES ('cred-other', 'org-other', 'user-other', '${hash}', 'sl_other_co', '${now}', '${later}');`,
    );
    const other = await launch();
    await signIn(other, 'sl_other_council');
    const page = await openExtensionPage(other);
    await syncUntilClean(page);
    for (const table of ['applications', 'vacancies', 'stage_events', 'posts', 'teams']) {
      expect(await readTable(page, table), table).toEqual([]);
    }
    // Asking the server directly for the other council's record by its id finds nothing either.
    expect((await serverRecords(ctx.workerUrl, 'sl_other_council')).size).toBe(0);
    // Her workspace has no such candidate to edit.
    const candidate = await openExtensionPage(other, `workspace.html#/candidate?id=${target}`);
    await candidate.getByText('No candidate has that id here').waitFor({ timeout: 20_000 });
    // An edit of it pushed straight to the server, as a tampered browser could, is refused: her council has no such record.
    const clientId = `e2e-other-council-${Date.now()}`;
    const pushed = await fetch(`${ctx.workerUrl}/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: 'Bearer sl_other_council', 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId,
        schemaVersion: SYNC_SCHEMA_VERSION,
        mutations: [{ id: crypto.randomUUID(), seq: 1, table: 'applications', op: 'upsert', recordId: target, fields: { teamPreference: 'Hijack' }, hlc: `${Date.now()}:000000:${clientId}` }],
      }),
    });
    expect(pushed.status, await pushed.clone().text()).toBe(400);
    const priyaView = await serverRecords(ctx.workerUrl, demoTokenFor('priya'));
    expect(priyaView.get(`applications/${target}`)?.teamPreference).not.toBe('Hijack');
  });

  it('loses nothing when the server is stopped in the middle of a sync and started again', async () => {
    const port = E2E_WORKER_PORT + 7;
    const state = mkdtempSync(path.join(os.tmpdir(), 'shortlist-restart-'));
    await applyLocalMigrations(state);
    let worker = await startLocalWorker({ port, persistTo: state, quiet: true });
    // In front of the worker, so the import's writes all wait in the outbox until the sync this test interrupts.
    const proxy = await startSwitchableProxy(port);
    try {
      await seedDemoCouncil(worker.url, state, ctx.demoAsOf);
      const browser = await launch();
      await signIn(browser, demoTokenFor('priya'), proxy.url);
      const page = await openExtensionPage(browser);
      await syncUntilClean(page);

      // Priya imports her ATS's export offline: hundreds of applications and their first stage, waiting to sync.
      proxy.setOnline(false);
      const exported = demoAtsCsvExport(demo);
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'shortlist-restart-import-')), exported.filename);
      writeFileSync(file, exported.csv);
      const importPage = await openExtensionPage(browser, 'workspace.html#/import');
      await importPage.locator('input[type=file]').setInputFiles(file);
      await importPage.getByRole('button', { name: `Import ${exported.rows} rows` }).click();
      await expect.poll(() => importPage.locator('.import-summary').textContent(), { timeout: 60_000 }).toMatch(/^\d+ imported/);
      const imported = Number((await importPage.locator('.import-summary').textContent())!.match(/^(\d+) imported/)![1]);
      expect(imported).toBeGreaterThan(150);
      await ask(page, { type: 'syncNow' });
      // An application and its 'applied' event each.
      expect((await status(page)).pending).toBe(2 * imported);

      proxy.setOnline(true);
      const syncing = ask(page, { type: 'syncNow' });
      await stopProcess(worker.child);
      await syncing;

      worker = await startLocalWorker({ port, persistTo: state, quiet: true });
      await syncUntilClean(page, 60_000);
      const onServer = await serverRecords(worker.url, demoTokenFor('priya'));
      const demoIds = new Set(demo.records.applications.map((x) => x.id));
      const mine = (await readTable<{ id: string; name: string | null }>(page, 'applications')).filter((x) => !demoIds.has(x.id));
      expect(mine).toHaveLength(imported);
      for (const x of mine) expect(onServer.get(`applications/${x.id}`)?.name).toBe(x.name);
      const events = (await readTable<StageEvent>(page, 'stage_events')).filter((e) => mine.some((x) => x.id === e.applicationId));
      expect(events).toHaveLength(imported);
      for (const e of events) expect(onServer.has(`stage_events/${e.id}`)).toBe(true);
    } finally {
      await proxy.close();
      await stopProcess(worker.child);
    }
    // A server of its own, seeded, then a whole ATS export imported and synced through a restart: a minute alone on a busy machine.
  }, 180_000);
});
