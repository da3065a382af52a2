import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoCouncil } from '#demo/index';
import { SYNC_SCHEMA_VERSION } from '#shared/schema/index';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { everythingInIndexedDb, openExtensionPage, syncUntilClean } from './support/extension-page';
import { demoTokenFor, signIn } from './support/session';

const ctx = e2eContext();

/** A candidate of this suite's own (erasing them takes nothing another suite reads), and every trace of them. */
const OONA = { name: 'Oona Przybylski', email: 'oona.przybylski@example.org', phone: '07700 900871', atsReference: 'E2E-OONA-1', teamPreference: 'near Oona’s mother' };
const TRACES = [...Object.values(OONA), 'Oona asked about flexible hours', 'Oona’s referee is abroad'];

async function api(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${ctx.workerUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

/** One push of a fresh client: upserts numbered from 1. */
async function pushAs(person: string, label: string, records: [table: string, recordId: string, fields: Record<string, unknown>][]) {
  const clientId = `e2e-${label}-${Date.now()}`;
  await api('POST', '/v1/sync/push', demoTokenFor(person), {
    clientId,
    schemaVersion: SYNC_SCHEMA_VERSION,
    mutations: records.map(([table, recordId, fields], i) => ({ id: crypto.randomUUID(), seq: i + 1, table, op: 'upsert', recordId, fields, hlc: `${Date.now()}:${String(i + 1).padStart(6, '0')}:${clientId}` })),
  });
}

/** Signs each person in to a profile of their own and syncs it: their extension pages. */
async function profilesOf(opened: ExtensionBrowser[], people: string[]) {
  const pages = [];
  for (const person of people) {
    const b = await launchWithExtension();
    opened.push(b);
    await signIn(b, demoTokenFor(person));
    const page = await openExtensionPage(b);
    await syncUntilClean(page);
    pages.push({ person, page });
  }
  return pages;
}

describe.skipIf(!ctx.chromium)('an erasure reaches every browser profile', () => {
  const demo = generateDemoCouncil({ asOf: ctx.demoAsOf });
  const opened: ExtensionBrowser[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((b) => b.close()));
  });

  it('two profiles of the council hold the candidate, and after the erasure neither holds anything of them in any IndexedDB database', async () => {
    // A filled vacancy: no queue or board of another suite shows her.
    const vacancyId = demo.records.vacancies.find((v) => v.status === 'filled')!.id;
    const app = crypto.randomUUID();
    await pushAs('priya', 'erasure', [
      ['applications', app, { vacancyId, ...OONA, source: 'community_care', experience: 'experienced', receivedDate: ctx.demoAsOf }],
      ['stage_events', crypto.randomUUID(), { applicationId: app, stage: 'applied', at: new Date().toISOString(), by: 'user-priya', note: TRACES[5] }],
      ['checks', crypto.randomUUID(), { applicationId: app, kind: 'references', note: TRACES[6] }],
    ]);

    const pages = await profilesOf(opened, ['priya', 'amira']);
    for (const { person, page } of pages) {
      const stored = await everythingInIndexedDb(page);
      for (const t of TRACES) expect(stored, `${person}'s browser lacks "${t}" before the erasure`).toContain(t);
    }

    await api('POST', '/v1/admin/erase', demoTokenFor('sam'), { applicationId: app });

    for (const { person, page } of pages) {
      await syncUntilClean(page);
      const stored = await everythingInIndexedDb(page);
      for (const t of TRACES) expect(stored.includes(t), `${person}'s browser still holds "${t}"`).toBe(false);
      // The anonymised record stays for the counts.
      expect(stored).toContain(app);
    }
  });
});

/** A member of staff of this suite's own, and every word about them the erasure takes. */
const QUENTIN = {
  name: 'Quentin Ottoline-Vance',
  postNote: 'Quentin on a phased return until March',
  heldWith: 'Quentin’s chosen colleague, Wren',
  exitNotes: 'Quentin found the duty rota unworkable',
  stayNotes: 'Quentin is weighing an agency offer',
};

describe.skipIf(!ctx.chromium)("a member of staff's erasure reaches every browser profile", () => {
  const demo = generateDemoCouncil({ asOf: ctx.demoAsOf });
  const opened: ExtensionBrowser[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((b) => b.close()));
  });

  it("the team's manager and the Stay holder hold the words about them, and after the erasure neither holds any in any IndexedDB database", async () => {
    // A post of its own in Ruth's team (fostering), so no other suite's page or figure shows it.
    const teamId = demo.records.teams.find((t) => t.managerId === 'user-ruth')!.id;
    const [post, staff, leaver, exit, stay] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    await pushAs('priya', 'staff-erasure', [
      ['posts', post, { teamId, role: 'social_worker', fte: 1, cover: 'vacant', note: QUENTIN.postNote }],
      ['staff', staff, { postId: post, name: QUENTIN.name, role: 'social_worker', fte: 1, startDate: '2023-09-04' }],
      ['leavers', leaver, { staffId: staff, postId: post, leavingDate: ctx.demoAsOf, reason: 'workload', destination: 'agency', fte: 1 }],
      ['exit_interviews', exit, { leaverId: leaver, offeredOn: ctx.demoAsOf, outcome: 'held', heldOn: ctx.demoAsOf, heldWith: QUENTIN.heldWith, themes: ['caseload'], notes: QUENTIN.exitNotes }],
    ]);
    // The principal social worker held a Stay conversation with them: only she (and admins) see whom it was with.
    await pushAs('bola', 'staff-erasure-stay', [['stay_conversations', stay, { staffId: staff, heldBy: 'user-bola', holderRole: 'principal_social_worker', heldOn: ctx.demoAsOf, outcome: 'left', themes: ['caseload'], notes: QUENTIN.stayNotes }]]);

    const pages = await profilesOf(opened, ['ruth', 'bola']);
    const held = { ruth: [QUENTIN.name, QUENTIN.postNote, QUENTIN.heldWith, QUENTIN.exitNotes], bola: Object.values(QUENTIN) };
    for (const { person, page } of pages) {
      const stored = await everythingInIndexedDb(page);
      for (const t of held[person as keyof typeof held]) expect(stored, `${person}'s browser lacks "${t}" before the erasure`).toContain(t);
    }
    // The team's manager never held the Stay conversation's words (need-to-know).
    expect(await everythingInIndexedDb(pages[0]!.page)).not.toContain(QUENTIN.stayNotes);

    await api('POST', '/v1/admin/erase', demoTokenFor('sam'), { staffId: staff });

    for (const { person, page } of pages) {
      await syncUntilClean(page);
      const stored = await everythingInIndexedDb(page);
      for (const t of Object.values(QUENTIN)) expect(stored.includes(t), `${person}'s browser still holds "${t}"`).toBe(false);
      // The anonymised records stay for the retention measures.
      for (const kept of [staff, leaver, exit]) expect(stored).toContain(kept);
    }
  });
});
