import { liveQuery } from 'dexie';
import type { MeResponse } from '#shared/schema/index';
import { getDb, type ShortlistDb } from '@/db/database';
import { localItem } from '@/db/local-item';

/** Who is signed in, where, with which token. */
export interface Session {
  serverUrl: string;
  token: string;
  me: MeResponse;
  signedInAt: string;
}

/**
 * The session lives in the extension's own IndexedDB (the `meta` table), which only the
 * background and extension pages can open: a content script's IndexedDB belongs to the web
 * page it runs in. It used to sit in `storage.local`, which content scripts can read (and a
 * page that subverts one could take the token from there). IndexedDB survives a browser
 * restart, so the user stays signed in. Sign-out and another account's sign-in empty the
 * database, the session with it.
 */
const SESSION_KEY = 'session';

/** Where releases before issue 11 kept the session; moved out on first read. */
const legacySession = localItem<Session | null>('session', null);

async function read(db: ShortlistDb): Promise<Session | null> {
  const row = await db.meta.get(SESSION_KEY);
  if (row) return row.value as Session;
  return migrateLegacySession(db);
}

/** Moves a session from `storage.local` into the database and deletes it there (once, at the first read after the update). */
export async function migrateLegacySession(db: ShortlistDb = getDb()): Promise<Session | null> {
  const legacy = await legacySession.getValue();
  if (!legacy) return null;
  await db.transaction('rw', db.meta, async () => {
    if (!(await db.meta.get(SESSION_KEY))) await db.meta.put({ key: SESSION_KEY, value: legacy });
  });
  await legacySession.removeValue();
  return ((await db.meta.get(SESSION_KEY))?.value as Session | undefined) ?? null;
}

/** The same three calls as a storage item (db/local-item.ts), so callers and tests need not know where it lives. */
export const sessionItem = {
  getValue: (db: ShortlistDb = getDb()): Promise<Session | null> => read(db),
  async setValue(value: Session | null, db: ShortlistDb = getDb()): Promise<void> {
    if (value) await db.meta.put({ key: SESSION_KEY, value });
    else await db.meta.delete(SESSION_KEY);
    await legacySession.removeValue();
  },
  /** Calls back on every change, from any extension context (Dexie's live queries cross them). */
  watch(callback: (value: Session | null) => void): () => void {
    const db = getDb();
    const sub = liveQuery(() => db.meta.get(SESSION_KEY)).subscribe({
      next: (row) => callback((row?.value as Session | undefined) ?? null),
      error: () => callback(null),
    });
    return () => sub.unsubscribe();
  },
};

export const getSession = (db?: ShortlistDb) => sessionItem.getValue(db);
