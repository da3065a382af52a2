import { formatHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from '#shared/hlc';
import type { ShortlistDb } from './database';

/** Keys of the meta table: the sync state survives service-worker restarts. */
export const META = {
  clientId: 'clientId',
  clock: 'clock',
  lastAckedSeq: 'lastAckedSeq',
  cursor: 'cursor',
  /** The need-to-know scope of the last pulled page (shared/sync/scope.ts), sent back with each pull. */
  pullScope: 'pullScope',
  lastSyncedAt: 'lastSyncedAt',
  lastError: 'lastError',
  /** How many outbox entries the next push sends (sync/push.ts: halved when a batch fails whole). */
  pushWindow: 'pushWindow',
  /** A mutation that failed alone with a server error: its id and how many times. */
  pushStrikes: 'pushStrikes',
  /** When automatic syncs may try again after failures (sync/scheduler.ts). */
  syncBackoff: 'syncBackoff',
} as const;

export async function readMeta<T>(db: ShortlistDb, key: string, fallback: T): Promise<T> {
  const row = await db.meta.get(key);
  return row === undefined ? fallback : (row.value as T);
}

export function writeMeta(db: ShortlistDb, key: string, value: unknown): Promise<string> {
  return db.meta.put({ key, value });
}

/**
 * This install's client id: bound to one user of one organisation (a new sign-in wipes the DB).
 * It breaks ties between equal clocks, which needs it unique and nothing more: a random UUID.
 */
export async function clientId(db: ShortlistDb): Promise<string> {
  // Read and create in one transaction: callers at the same time on a fresh install get the same id.
  return db.transaction('rw', db.meta, async () => {
    let id = await readMeta<string | null>(db, META.clientId, null);
    if (!id) {
      id = crypto.randomUUID();
      await writeMeta(db, META.clientId, id);
    }
    return id;
  });
}

/** The next local clock, persisted, never behind the last one even if the wall clock steps back. Call inside a transaction that includes `meta`. */
export async function nextClock(db: ShortlistDb, nowMs = Date.now()): Promise<string> {
  const node = await clientId(db);
  const last = await readMeta<string | null>(db, META.clock, null);
  const next: Hlc = tickHlc(last ? parseHlc(last) : { wall: 0, counter: 0, node }, nowMs);
  const value = formatHlc({ ...next, node });
  await writeMeta(db, META.clock, value);
  return value;
}

/** Moves the local clock past a clock seen from the server, so later local edits win over it. */
export async function observeClock(db: ShortlistDb, remote: string, nowMs = Date.now()): Promise<void> {
  const node = await clientId(db);
  const last = await readMeta<string | null>(db, META.clock, null);
  const local = last ? parseHlc(last) : { wall: 0, counter: 0, node };
  await writeMeta(db, META.clock, formatHlc({ ...receiveHlc(local, parseHlc(remote), nowMs), node }));
}
