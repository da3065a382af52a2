import { describe, expect, it } from 'vitest';
import { SYNC_SCHEMA_VERSION, type PullResponse } from '#shared/schema/index';
import { mondayOf } from '#shared/sync/permissions';
import { e2eContext } from './support/context';
import { everythingInIndexedDb, syncUntilClean } from './support/extension-page';
import { demoTokenFor, signedInSession } from './support/session';

const ctx = e2eContext();
const TOM = 'user-tom';
/** The service manager, who takes Tom's slots for the length of the test. */
const NADIA = 'user-nadia';

type Rec = Record<string, unknown>;

/** Every live record the server sends this token, from cursor 0, by `table/id` (as that reader may see it). */
async function pulled(token: string): Promise<Map<string, Rec>> {
  const records = new Map<string, Rec>();
  let cursor = 0;
  let scope = '';
  for (;;) {
    // The scope of the first page goes back with the next, as the extension sends it.
    const res = await fetch(`${ctx.workerUrl}/v1/sync/pull?cursor=${cursor}&limit=2000${scope}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const page = (await res.json()) as PullResponse;
    scope = page.scope === undefined ? '' : `&scope=${encodeURIComponent(page.scope)}`;
    for (const c of page.changes) {
      if (c.deleted || !c.record) records.delete(`${c.table}/${c.recordId}`);
      else records.set(`${c.table}/${c.recordId}`, c.record);
    }
    cursor = page.cursor;
    if (!page.hasMore) return records;
  }
}

const applications = (records: Map<string, Rec>) => [...records].filter(([k]) => k.startsWith('applications/')).map(([, r]) => r);

/** The coordinator gives these rota slots and teams to `managerId` (one push of upserts, as the extension sends them). */
async function handOver(slotIds: string[], teamIds: string[], managerId: string): Promise<void> {
  const clientId = `e2e-need-to-know-${Date.now()}`;
  const records = [...slotIds.map((recordId) => ['rota_slots', recordId] as const), ...teamIds.map((recordId) => ['teams', recordId] as const)];
  const mutations = records.map(([table, recordId], i) => ({ id: crypto.randomUUID(), seq: i + 1, table, op: 'upsert', recordId, fields: { managerId }, hlc: `${Date.now()}:${String(i).padStart(6, '0')}:${clientId}` }));
  const res = await fetch(`${ctx.workerUrl}/v1/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${demoTokenFor('priya')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ clientId, schemaVersion: SYNC_SCHEMA_VERSION, mutations }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** Personal traces (name, email) of these applications that no application the reader sees whole shares. */
function tracesOnlyOf(outside: Rec[], whole: Rec[]): string[] {
  const shared = new Set(whole.flatMap((a) => [a.name, a.email]));
  return outside.flatMap((a) => [a.name, a.email]).filter((t): t is string => typeof t === 'string' && !shared.has(t));
}

describe.skipIf(!ctx.chromium)("need-to-know: a team manager's browser", () => {
  const session = signedInSession('tom');

  it('holds no personal data outside his scope, and loses it when his rota slots move on', async () => {
    const full = await pulled(demoTokenFor('priya'));
    const byId = new Map(applications(full).map((a) => [String(a.id), a]));
    const tomView = applications(await pulled(demoTokenFor('tom')));
    const whole = tomView.filter((a) => a.redacted !== true && !a.erased);
    const outside = tomView.filter((a) => a.redacted === true).map((a) => byId.get(String(a.id))!);
    // The demo council has candidates on both sides of Tom's scope.
    expect(whole.length).toBeGreaterThan(0);
    expect(outside.length).toBeGreaterThan(whole.length);

    let stored = await everythingInIndexedDb(session.page);
    expect(stored).toContain(String(whole[0]!.name));
    for (const t of tracesOnlyOf(outside, whole)) expect(stored.includes(t), `Tom's browser holds "${t}"`).toBe(false);
    // Counted all the same: every application is there, redacted or whole.
    expect(stored.match(/"receivedDate"/g)!.length).toBeGreaterThanOrEqual(tomView.length);

    // The scope moves on: this week's slots of Tom's, and the team he manages, go to the service manager.
    const thisWeek = mondayOf(new Date().toISOString());
    const slots = [...full].filter(([k, r]) => k.startsWith('rota_slots/') && r.managerId === TOM && r.week === thisWeek).map(([, r]) => String(r.id));
    const teams = [...full].filter(([k, r]) => k.startsWith('teams/') && r.managerId === TOM).map(([, r]) => String(r.id));
    expect(slots.length + teams.length).toBeGreaterThan(0);
    await handOver(slots, teams, NADIA);
    try {
      await syncUntilClean(session.page);
      const after = applications(await pulled(demoTokenFor('tom')));
      const wholeAfter = after.filter((a) => a.redacted !== true && !a.erased);
      const lost = whole.filter((a) => after.find((b) => b.id === a.id)?.redacted === true);
      // What he no longer needs is gone from his browser; what he decided or was assigned stays.
      expect(lost.length).toBeGreaterThan(0);
      stored = await everythingInIndexedDb(session.page);
      for (const t of tracesOnlyOf(lost, wholeAfter)) expect(stored.includes(t), `Tom's browser still holds "${t}"`).toBe(false);
      for (const a of wholeAfter.slice(0, 5)) expect(stored).toContain(String(a.name));
    } finally {
      // Later suites read Tom's queue: his slots and team go back to him.
      await handOver(slots, teams, TOM);
      await syncUntilClean(session.page);
    }
  });
});
