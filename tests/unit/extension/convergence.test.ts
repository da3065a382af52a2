import { endpointOf, freshDb, newId, teamFields } from './helpers';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ShortlistDb } from '@/db/database';
import { upsertRecord } from '@/db/writes';
import { pullChanges } from '@/sync/pull';
import { pushOutbox } from '@/sync/push';
import { DEFAULT_USER, FakeServer, type FakeUser } from './fake-server';

/**
 * An upsert whose fields all lose on the server (older clock, or a deleted record) must still
 * log a change, or the browser that made it never pulls the winning record (invariant 5). It
 * happens when a browser's clock is behind, another's was clamped ahead, or a pull rebases an
 * older unpushed edit over a newer record (shared/sync/decide.ts logs it).
 */

const BOB: FakeUser = { ...DEFAULT_USER, token: 'token-bob-00000002', userId: 'user-bob', name: 'Bob', email: 'bob@council.example' };
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
let now = T0;
let skew = [0, 0];
let acting = 0;

beforeEach(() => {
  fakeBrowser.reset();
  now = T0;
  skew = [0, 0];
  vi.spyOn(Date, 'now').mockImplementation(() => now + skew[acting]!);
});
afterEach(() => vi.restoreAllMocks());

function world() {
  const server = new FakeServer([DEFAULT_USER, BOB]);
  server.now = () => now;
  const dbs = [freshDb('conv-a'), freshDb('conv-b')] as [ShortlistDb, ShortlistDb];
  const tokens = [DEFAULT_USER.token, BOB.token];
  const as = async <T>(k: number, fn: (db: ShortlistDb) => Promise<T>) => {
    now += 1000;
    acting = k;
    return fn(dbs[k]!);
  };
  const push = (k: number) => as(k, (db) => pushOutbox(db, endpointOf(server, tokens[k]), server.fetch));
  const pull = (k: number) => as(k, (db) => pullChanges(db, endpointOf(server, tokens[k]), server.fetch));
  /** What syncOnce does: push, then pull. */
  const sync = async (k: number) => {
    await push(k);
    await pull(k);
  };
  const edit = (k: number, id: string, fields: Record<string, unknown>) => as(k, (db) => upsertRecord('teams', id, fields as never, db));
  const pendingIds = async (k: number) => (await dbs[k]!.outbox.orderBy('localId').toArray()).map((e) => e.mutation.id);
  const names = async (id: string) => [server.record('teams', id)?.name, (await dbs[0].teams.get(id))?.name, (await dbs[1].teams.get(id))?.name];
  return { server, dbs, sync, push, pull, edit, names, pendingIds };
}

async function staleRebase() {
  const w = world();
  const t = newId();
  await w.edit(0, t, teamFields({ name: 'Original' }));
  await w.sync(0);
  await w.sync(1);
  await w.edit(1, t, { name: 'Older edit by B' });
  await w.edit(0, t, { name: 'Newer edit by A' });
  await w.sync(0);
  await w.pull(1); // B's older edit is put back on top of A's record
  await w.sync(1);
  await w.sync(0);
  await w.sync(1);
  return w.names(t);
}

/** A creates a team, both browsers sync, then B renames it having seen A's, the two clocks `clocks` off true time; all sync. */
async function renameAfterSeeing(clocks: [number, number], created: string, renamed: string) {
  const w = world();
  skew = clocks;
  const t = newId();
  await w.edit(0, t, teamFields({ name: created }));
  await w.sync(0);
  await w.sync(1);
  await w.edit(1, t, { name: renamed });
  await w.sync(1);
  await w.sync(0);
  await w.sync(1);
  return w.names(t);
}

const clockBehind = () => renameAfterSeeing([0, -3_600_000], 'Set by A', 'Set by B an hour slow, after seeing A');
const clampedAhead = () => renameAfterSeeing([86_400_000, 0], 'Created by A, a day fast', 'Renamed by B seconds later');

const converged = (names: unknown[]) => expect(new Set(names).size, JSON.stringify(names)).toBe(1);

describe('a losing edit is logged, so its writer pulls the winner', () => {
  it('an older unpushed edit rebased over a newer pulled record converges to the newer edit', async () => {
    expect(await staleRebase()).toEqual(['Newer edit by A', 'Newer edit by A', 'Newer edit by A']);
  });
  it('a browser an hour behind converges to the edit with the higher clock', async () => {
    expect(await clockBehind()).toEqual(['Set by A', 'Set by A', 'Set by A']);
  });
  it('a record created by a browser a day fast converges', async () => converged(await clampedAhead()));
});

describe('a refused change', () => {
  // The server refuses it (400/403), applies nothing and logs nothing: the browser parks it in
  // `refused` and rebuilds the record from its view of the server, so both agree again.
  it('the local record goes back to the server\'s after its change is refused', async () => {
    const w = world();
    const t = newId();
    await w.edit(0, t, teamFields({ name: 'Accepted' }));
    await w.sync(0);
    await w.edit(0, t, { name: 'Refused by the server' });
    const pending = await w.pendingIds(0);
    w.server.forbidMutation(pending[0]!, 'a manager may not rename teams');
    await w.sync(0);
    expect(await w.dbs[0].refused.count()).toBe(1);
    converged((await w.names(t)).slice(0, 2));
    expect((await w.names(t))[0]).toBe('Accepted');
  });
});
