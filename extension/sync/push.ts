import { SYNC_SCHEMA_VERSION, type Conflict, type PushRequest, type PushResponse } from '#shared/schema/index';
import type { OutboxEntry, ShortlistDb } from '@/db/database';
import { clientId, META, readMeta, writeMeta } from '@/db/meta';
import { rebuildLocal } from '@/db/rebuild';
import { foldAcknowledged } from '@/db/server-views';
import { ApiError, callApi, type Endpoint, type Fetch } from './api';
import { storeConflicts } from './conflicts';

export const PUSH_BATCH = 200;
const MAX_ROUNDS = 1000;

interface RefusedDetail {
  id: string;
  issues?: string[];
  reason?: string;
}

/**
 * Gives sequence numbers to the next entries in local order. A number stays with its entry
 * until acknowledged, so a resend after a lost response is a replay the server skips.
 */
async function nextBatch(db: ShortlistDb, client: string): Promise<Array<OutboxEntry & { seq: number }>> {
  return db.transaction('rw', db.outbox, db.meta, async () => {
    await sameInstall(db, client);
    const entries = await db.outbox.orderBy('localId').limit(PUSH_BATCH).toArray();
    const acked = await readMeta(db, META.lastAckedSeq, 0);
    let next = Math.max(acked, ...entries.map((e) => e.seq ?? 0)) + 1;
    for (const e of entries) {
      if (e.seq === undefined) {
        e.seq = next++;
        await db.outbox.update(e.localId!, { seq: e.seq });
      }
    }
    return entries as Array<OutboxEntry & { seq: number }>;
  });
}

/** Nothing of a refused batch was applied: its entries (and any after) are numbered again. */
async function renumberFrom(db: ShortlistDb, lastAcked: number): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    await db.outbox.toCollection().modify((e) => {
      delete e.seq;
    });
    await writeMeta(db, META.lastAckedSeq, lastAcked);
  });
}

/**
 * 409 `sequence_reused`: the server applied numbers up to `lastSeq` to other mutations of this
 * client (a profile restored from a backup). Nothing of the batch was applied; every unsent
 * entry is numbered again after `lastSeq` (one the server did apply is known by its id and
 * skipped). True when the refusal said where to start.
 */
async function resequenceAfterReuse(db: ShortlistDb, err: ApiError): Promise<boolean> {
  const lastSeq = (err.details as { lastSeq?: unknown } | undefined)?.lastSeq;
  if (typeof lastSeq !== 'number' || !Number.isInteger(lastSeq) || lastSeq < 0) return false;
  await renumberFrom(db, lastSeq);
  return true;
}

/** A sign-out (or another account's sign-in) empties the database mid-push: what is there now is not this push's. */
async function sameInstall(db: ShortlistDb, client: string): Promise<void> {
  if ((await readMeta(db, META.clientId, null)) !== client) throw new Error('the local data was emptied (signed out) during the push; stopped');
}

async function acknowledge(db: ShortlistDb, client: string, lastSeq: number): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, db.server_views, async () => {
    await sameInstall(db, client);
    const acked = db.outbox.where('seq').belowOrEqual(lastSeq);
    await foldAcknowledged(db, await acked.toArray());
    await acked.delete();
    await writeMeta(db, META.lastAckedSeq, lastSeq);
  });
}

/**
 * Moves the mutations the server named as refused to `refused`, for a person to see and discard,
 * and undoes them here: their records go back to the server's view plus the changes still pending.
 */
async function parkRefused(db: ShortlistDb, client: string, batch: OutboxEntry[], err: ApiError): Promise<number> {
  const details = Array.isArray(err.details) ? (err.details as RefusedDetail[]) : [];
  const named = new Map(details.map((d) => [d.id, d]));
  const refused = batch.filter((e) => named.has(e.mutation.id));
  const now = new Date().toISOString();
  await db.transaction('rw', db.tables, async () => {
    await sameInstall(db, client);
    for (const e of refused) {
      const d = named.get(e.mutation.id)!;
      await db.refused.add({ mutation: e.mutation, code: err.code, message: d.reason ?? d.issues?.join('; ') ?? err.message, refusedAt: now });
      await db.outbox.delete(e.localId!);
    }
    for (const e of refused) await rebuildLocal(db, e.mutation.table, e.mutation.recordId);
  });
  return refused.length;
}

/**
 * Pushes the outbox in order until it is empty. Entries leave the outbox only when the server
 * acknowledges them (or refuses them by name, into `refused`). Other failures throw and keep everything.
 */
export async function pushOutbox(db: ShortlistDb, endpoint: Endpoint, fetchImpl?: Fetch): Promise<{ pushed: number; conflicts: Conflict[] }> {
  let pushed = 0;
  const conflicts: Conflict[] = [];
  const client = await clientId(db);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const batch = await nextBatch(db, client);
    if (batch.length === 0) return { pushed, conflicts };
    const body: PushRequest = {
      clientId: client,
      schemaVersion: SYNC_SCHEMA_VERSION,
      mutations: batch.map((e) => ({ ...e.mutation, seq: e.seq })),
    };
    try {
      const res = await callApi<PushResponse>(endpoint, '/v1/sync/push', { method: 'POST', body: JSON.stringify(body) }, fetchImpl);
      await acknowledge(db, client, res.lastSeq);
      await storeConflicts(db, res.conflicts);
      conflicts.push(...res.conflicts);
      pushed += batch.filter((e) => e.seq <= res.lastSeq).length;
      if (res.lastSeq < batch[0]!.seq) throw new Error(`the server acknowledged sequence ${res.lastSeq}, before this batch`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.code === 'sequence_gap') {
        const expected = (err.details as { expected?: number } | undefined)?.expected;
        if (typeof expected !== 'number') throw err;
        // The server has everything before `expected`: drop what it already holds, renumber the rest.
        await acknowledge(db, client, expected - 1);
        if (expected <= batch[0]!.seq) await renumberFrom(db, expected - 1);
        continue;
      }
      if (err.code === 'sequence_reused' && (await resequenceAfterReuse(db, err))) continue;
      if ((err.status === 400 && err.code === 'invalid_mutations') || (err.status === 403 && err.code === 'forbidden')) {
        const parked = await parkRefused(db, client, batch, err);
        if (parked === 0) throw err;
        await renumberFrom(db, await readMeta(db, META.lastAckedSeq, 0));
        continue;
      }
      throw err;
    }
  }
  throw new Error('push did not finish after many rounds; will try again');
}

export type { Conflict };
