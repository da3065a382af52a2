import 'fake-indexeddb/auto';
import { SYNC_TABLE_NAMES } from '#shared/schema/index';
import type { generateDemoCouncil } from '#demo/index';
import { ShortlistDb, setDb } from '@/db/database';
import { sessionItem } from '@/sync/session';

/** A fresh browser database (the current one) holding the demo council's records, signed in as Priya, its coordinator. */
export async function demoBrowserAsPriya(name: string, demo: ReturnType<typeof generateDemoCouncil>): Promise<ShortlistDb> {
  const db = new ShortlistDb(name);
  setDb(db);
  for (const table of SYNC_TABLE_NAMES) {
    const rows = (demo.records as unknown as Record<string, unknown[]>)[table];
    if (rows) await db.table(table).bulkPut(rows);
  }
  await sessionItem.setValue({
    serverUrl: 'http://127.0.0.1:8787',
    token: 'sl_demo_priya',
    me: { user: { id: 'user-priya', name: 'Priya Shah', email: 'p@example.org', role: 'coordinator' }, organisation: { id: 'org', name: 'Wessex' }, settings: demo.settings, tokenExpiresAt: '2099-01-01T00:00:00Z' },
    signedInAt: new Date().toISOString(),
  });
  return db;
}
