import { SYNC_SCHEMA_VERSION, type Conflict, type PushRequest, type PushResponse } from '#shared/schema/index';
import type { OutboxEntry, ShortlistDb } from '@/db/database';
import { clientId, META, readMeta, writeMeta } from '@/db/meta';
import { foldAcknowledged } from '@/db/server-views';
import { ApiError, callApi, type Endpoint, type Fetch } from './api';
import { storeConflicts } from './conflicts';
import { park, sameInstall } from './push-park';
import { parkedMessage, wholeBatchFailure } from './push-failure';

export const PUSH_BATCH = 200;
const MAX_ROUNDS = 1000;
/** Server errors of one entry sent alone, with the server otherwise answering, before it is parked. */
export const POISON_STRIKES = 3;
/** Entries parked one after another without a push getting through: beyond this, something else is wrong. */
const MAX_PARKED_IN_A_ROW = 3;

interface RefusedDetail {
  id: string;
  issues?: string[];
  reason?: string;
}

/**
 * Gives sequence numbers to the next entries in local order. A number stays with its entry
 * until acknowledged, so a resend after a lost response is a replay the server skips.
 */
async function nextBatch(db: ShortlistDb, client: string, size: number): Promise<Array<OutboxEntry & { seq: number }>> {
  return db.transaction('rw', db.outbox, db.meta, async () => {
    await sameInstall(db, client);
    const entries = await db.outbox.orderBy('localId').limit(size).toArray();
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

async function acknowledge(db: ShortlistDb, client: string, lastSeq: number): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, db.server_views, async () => {
    await sameInstall(db, client);
    const acked = db.outbox.where('seq').belowOrEqual(lastSeq);
    await foldAcknowledged(db, await acked.toArray());
    await acked.delete();
    await writeMeta(db, META.lastAckedSeq, lastSeq);
  });
}

/** Parks the mutations a 400 or 403 names as refused (invalid_mutations, forbidden, ...), with the server's reason for each. */
async function parkNamed(db: ShortlistDb, client: string, batch: OutboxEntry[], err: ApiError): Promise<number> {
  const details = Array.isArray(err.details) ? (err.details as RefusedDetail[]) : [];
  const named = new Map(details.map((d) => [d.id, d]));
  const refused = batch.filter((e) => named.has(e.mutation.id));
  await park(
    db,
    client,
    refused.map((entry) => {
      const d = named.get(entry.mutation.id)!;
      return { entry, code: err.code, message: d.reason ?? d.issues?.join('; ') ?? err.message };
    }),
  );
  return refused.length;
}

/** The server and its database answer a request that is not this push (so a failure of the push is the push's own). */
async function serverAnswers(endpoint: Endpoint, fetchImpl?: Fetch): Promise<boolean> {
  try {
    await callApi(endpoint, '/v1/me', {}, fetchImpl);
    return true;
  } catch {
    return false;
  }
}

/**
 * Present while a server error is being traced to one entry: `id` is the entry last sent alone
 * and `count` how many times in a row it failed so.
 */
interface Strikes {
  id: string | null;
  count: number;
}

/** Back to full batches and no suspect. */
async function endIsolation(db: ShortlistDb): Promise<void> {
  await writeMeta(db, META.pushWindow, PUSH_BATCH);
  await writeMeta(db, META.pushStrikes, null);
}

/**
 * Pushes the outbox in order until it is empty. Entries leave the outbox only when the server
 * acknowledges them, or refuses them: by name (into `refused`), or as a whole batch (413, a 400
 * naming no mutation, a server error that keeps coming back), in which case the batch is halved
 * until the entry at fault is alone and parked, and the rest carries on. Other failures throw
 * and keep everything.
 */
export async function pushOutbox(db: ShortlistDb, endpoint: Endpoint, fetchImpl?: Fetch): Promise<{ pushed: number; conflicts: Conflict[] }> {
  let pushed = 0;
  let parkedInARow = 0;
  const conflicts: Conflict[] = [];
  const client = await clientId(db);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const size = await readMeta(db, META.pushWindow, PUSH_BATCH);
    const batch = await nextBatch(db, client, size);
    if (batch.length === 0) {
      await endIsolation(db);
      return { pushed, conflicts };
    }
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
      // Through: grow back towards full batches (halved ones were looking for an entry at fault).
      parkedInARow = 0;
      if (size < PUSH_BATCH) {
        if (size * 2 >= PUSH_BATCH) await endIsolation(db);
        else await writeMeta(db, META.pushWindow, size * 2);
      }
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
      if (err.status === 400 || err.status === 403) {
        const parked = await parkNamed(db, client, batch, err);
        if (parked > 0) {
          await renumberFrom(db, await readMeta(db, META.lastAckedSeq, 0));
          continue;
        }
        if (err.status === 403) throw err; // a refusal of the role as a whole: nothing to isolate
      }
      const kind = wholeBatchFailure(err);
      if (!kind) throw err;
      if (batch.length > 1) await writeMeta(db, META.pushWindow, Math.ceil(batch.length / 2));
      const [entry] = batch;
      let strikes = 0;
      if (kind === 'failing') {
        // A server error may be the server's bad minute, not the batch. The first one backs off (and
        // the next try sends a smaller batch); after that, splitting goes on at once, but only while
        // the server answers other requests.
        const isolating = await readMeta<Strikes | null>(db, META.pushStrikes, null);
        if (!isolating) {
          await writeMeta(db, META.pushStrikes, { id: null, count: 0 } satisfies Strikes);
          throw err;
        }
        if (!(await serverAnswers(endpoint, fetchImpl))) throw err;
        if (batch.length > 1) continue;
        strikes = isolating.id === entry!.mutation.id ? isolating.count + 1 : 1;
        await writeMeta(db, META.pushStrikes, { id: entry!.mutation.id, count: strikes } satisfies Strikes);
        if (strikes < POISON_STRIKES) continue;
      } else if (batch.length > 1) continue;
      if (parkedInARow >= MAX_PARKED_IN_A_ROW) throw err;
      await park(db, client, [{ entry: entry!, code: err.code, message: parkedMessage(kind, err, strikes) }]);
      parkedInARow++;
      await endIsolation(db);
      await renumberFrom(db, await readMeta(db, META.lastAckedSeq, 0));
    }
  }
  throw new Error('push did not finish after many rounds; will try again');
}

export type { Conflict };
