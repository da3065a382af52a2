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
    const clientId = `e2e-erasure-${Date.now()}`;
    const hlc = (i: number) => `${Date.now()}:${String(i).padStart(6, '0')}:${clientId}`;
    const m = (seq: number, table: string, fields: Record<string, unknown>, recordId = crypto.randomUUID()) => ({ id: crypto.randomUUID(), seq, table, op: 'upsert', recordId, fields, hlc: hlc(seq) });
    await api('POST', '/v1/sync/push', demoTokenFor('priya'), {
      clientId,
      schemaVersion: SYNC_SCHEMA_VERSION,
      mutations: [
        m(1, 'applications', { vacancyId, ...OONA, source: 'community_care', experience: 'experienced', receivedDate: ctx.demoAsOf }, app),
        m(2, 'stage_events', { applicationId: app, stage: 'applied', at: new Date().toISOString(), by: 'user-priya', note: TRACES[5] }),
        m(3, 'checks', { applicationId: app, kind: 'references', note: TRACES[6] }),
      ],
    });

    const pages = [];
    for (const person of ['priya', 'amira']) {
      const b = await launchWithExtension();
      opened.push(b);
      await signIn(b, demoTokenFor(person));
      const page = await openExtensionPage(b);
      await syncUntilClean(page);
      const stored = await everythingInIndexedDb(page);
      for (const t of TRACES) expect(stored, `${person}'s browser lacks "${t}" before the erasure`).toContain(t);
      pages.push({ person, page });
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
