import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCouncil } from '#demo/index';
import type { Application, PullResponse } from '#shared/schema/index';
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

const status = async (page: import('playwright-core').Page) => (await ask<StatusData>(page, { type: 'getStatus' })).data!;

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

      // Amira loses the network and keeps working.
      proxy.setOnline(false);
      const offlineEdit = await ask(a, { type: 'upsert', table: 'applications', id: target, fields: { teamPreference: 'Edited offline by Amira' } });
      expect(offlineEdit.ok).toBe(true);
      const eventId = '019a0000-0000-7000-8000-00000000e2e1';
      const shortlist = await ask(a, {
        type: 'appendStageEvent',
        event: { id: eventId, applicationId: target, stage: 'shortlisted', at: new Date().toISOString(), by: 'user-amira', note: 'Strong CiC experience' },
      });
      expect(shortlist.ok).toBe(true);
      await ask(a, { type: 'syncNow' });
      const offline = await status(a);
      expect(offline.pending).toBe(2);
      expect(offline.lastError?.kind).toBe('offline');
      // Her own writes read back at once, offline.
      const mine = (await readTable<Application>(a, 'applications')).find((x) => x.id === target);
      expect(mine?.teamPreference).toBe('Edited offline by Amira');

      // Meanwhile Priya, online, edits the same application.
      expect((await ask(p, { type: 'upsert', table: 'applications', id: target, fields: { teamPreference: 'Edited online by Priya', yearsQualified: 7 } })).ok).toBe(true);
      await syncUntilClean(p);

      proxy.setOnline(true);
      await syncUntilClean(a);
      await syncUntilClean(p);

      const onServer = await serverRecords(ctx.workerUrl, demoTokenFor('priya'));
      const server = onServer.get(`applications/${target}`)!;
      const inPriya = (await readTable<Application>(p, 'applications')).find((x) => x.id === target)!;
      const inAmira = (await readTable<Application>(a, 'applications')).find((x) => x.id === target)!;
      expect(inPriya).toEqual(server);
      expect(inAmira).toEqual(server);
      // Last writer wins by clock on the field both edited; Priya's other field survives.
      expect(['Edited offline by Amira', 'Edited online by Priya']).toContain(server.teamPreference);
      expect(server.yearsQualified).toBe(7);
      // The offline stage decision reached the server and both browsers, once.
      expect(onServer.has(`stage_events/${eventId}`)).toBe(true);
      for (const page of [p, a]) {
        const events = (await readTable<{ id: string }>(page, 'stage_events')).filter((e) => e.id === eventId);
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
    const pushed = await ask(page, { type: 'upsert', table: 'applications', id: target, fields: { teamPreference: 'Hijack' } });
    expect(pushed.ok).toBe(false); // no such record here, so no full record to validate
    const priyaView = await serverRecords(ctx.workerUrl, demoTokenFor('priya'));
    expect(priyaView.get(`applications/${target}`)?.teamPreference).not.toBe('Hijack');
  });

  it('loses nothing when the server is stopped in the middle of a sync and started again', async () => {
    const port = E2E_WORKER_PORT + 7;
    const state = mkdtempSync(path.join(os.tmpdir(), 'shortlist-restart-'));
    await applyLocalMigrations(state);
    let worker = await startLocalWorker({ port, persistTo: state, quiet: true });
    try {
      await seedDemoCouncil(worker.url, state, ctx.demoAsOf);
      const browser = await launch();
      await signIn(browser, demoTokenFor('priya'), worker.url);
      const page = await openExtensionPage(browser);
      await syncUntilClean(page);

      // Team preference is personal data: an erased candidate's stays empty, so edit the others.
      const ids = demo.records.applications.filter((x) => !x.erased).slice(0, 150).map((x) => x.id);
      for (const [i, id] of ids.entries()) {
        const r = await ask(page, { type: 'upsert', table: 'applications', id, fields: { teamPreference: `restart test ${i}` } });
        expect(r.ok).toBe(true);
      }
      const syncing = ask(page, { type: 'syncNow' });
      await stopProcess(worker.child);
      await syncing;

      worker = await startLocalWorker({ port, persistTo: state, quiet: true });
      await syncUntilClean(page, 60_000);
      const onServer = await serverRecords(worker.url, demoTokenFor('priya'));
      ids.forEach((id, i) => expect(onServer.get(`applications/${id}`)?.teamPreference).toBe(`restart test ${i}`));
    } finally {
      await stopProcess(worker.child);
    }
  });
});
