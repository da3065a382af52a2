import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { todayInLondon } from '#shared/calendar';
import { generateDemoCouncil, TOM } from '#demo/index';
import { SYNC_TABLE_NAMES } from '#shared/schema/index';
import { ShortlistDb, setDb } from '@/db/database';
import { sessionItem } from '@/sync/session';

export const asOf = todayInLondon(new Date());
export const demo = generateDemoCouncil({ asOf });

let n = 0;

/** A fresh database holding the demo council, Tom signed in. */
export async function demoDb(options: { empty?: boolean; user?: { id: string; name: string } } = {}): Promise<ShortlistDb> {
  fakeBrowser.reset();
  const db = new ShortlistDb(`t-daily-${n++}-${Math.random()}`);
  setDb(db);
  if (!options.empty) {
    for (const table of SYNC_TABLE_NAMES) {
      const rows = (demo.records as unknown as Record<string, unknown[]>)[table];
      if (rows) await db.table(table).bulkPut(rows);
    }
  }
  const user = options.user ?? { id: TOM.id, name: TOM.name };
  await sessionItem.setValue({
    serverUrl: 'http://127.0.0.1:8787',
    token: 'sl_demo_tom',
    me: { user: { ...user, email: 't@example.org', role: 'manager' }, organisation: { id: 'org', name: 'Demo' }, settings: demo.settings, tokenExpiresAt: '2099-01-01T00:00:00Z' },
    signedInAt: new Date().toISOString(),
  });
  return db;
}
