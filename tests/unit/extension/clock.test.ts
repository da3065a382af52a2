import { freshDb, newId, outbox, teamFields } from './helpers';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHlc } from '#shared/hlc';
import { hlcString } from '#shared/schema/index';
import { ShortlistDb } from '@/db/database';
import { clientId, META, nextClock, observeClock, readMeta } from '@/db/meta';
import { upsertRecord } from '@/db/writes';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

function expectIncreasing(clocks: string[]) {
  for (let i = 1; i < clocks.length; i++) expect(clocks[i]! > clocks[i - 1]!, `${clocks[i]} after ${clocks[i - 1]}`).toBe(true);
}

describe('hybrid logical clock', () => {
  it('is strictly increasing within one millisecond, in the wire format, with this install as node', async () => {
    const db = freshDb('clock');
    vi.spyOn(Date, 'now').mockReturnValue(T0);
    const clocks: string[] = [];
    for (let i = 0; i < 20; i++) clocks.push(await db.transaction('rw', db.meta, async () => await nextClock(db)));
    expectIncreasing(clocks);
    const id = await clientId(db);
    for (const c of clocks) {
      expect(hlcString.safeParse(c).success).toBe(true);
      expect(parseHlc(c)).toMatchObject({ wall: T0, node: id });
    }
    expect(await readMeta(db, META.clock, null)).toBe(clocks.at(-1));
  });

  it('keeps increasing when the wall clock steps back an hour, and a day', async () => {
    const db = freshDb('clock-back');
    const now = vi.spyOn(Date, 'now');
    const t = newId();
    now.mockReturnValue(T0);
    await upsertRecord('teams', t, teamFields(), db);
    now.mockReturnValue(T0 - 3_600_000);
    await upsertRecord('teams', t, { area: 'after stepping back 1 h' }, db);
    now.mockReturnValue(T0 - 86_400_000);
    await upsertRecord('teams', t, { area: 'after stepping back 24 h' }, db);
    now.mockReturnValue(T0 + 1);
    await upsertRecord('teams', t, { area: 'forward again' }, db);
    const clocks = (await outbox(db)).map((e) => e.mutation.hlc);
    expectIncreasing(clocks);
    expect(clocks.map((c) => parseHlc(c).wall)).toEqual([T0, T0, T0, T0 + 1]);
  });

  it('is persisted: a restarted database (same name) continues after the last clock, with the same client id', async () => {
    const name = `test-restart-${newId()}`;
    const now = vi.spyOn(Date, 'now').mockReturnValue(T0);
    const first = new ShortlistDb(name);
    const t = newId();
    await upsertRecord('teams', t, teamFields(), first);
    await upsertRecord('teams', t, { area: 'two' }, first);
    const id = await clientId(first);
    const last = (await outbox(first)).at(-1)!.mutation.hlc;
    first.close();

    now.mockReturnValue(T0 - 60_000); // and the clock went back while the service worker slept
    const second = new ShortlistDb(name);
    expect(await clientId(second)).toBe(id);
    await upsertRecord('teams', t, { area: 'three' }, second);
    const after = (await outbox(second)).map((e) => e.mutation.hlc);
    expect(after).toHaveLength(3);
    expect(after[2]! > last).toBe(true);
    expect(await second.teams.get(t)).toMatchObject({ area: 'three' });
    second.close();
  });

  it('observeClock moves past a clock from elsewhere, even one ahead of the wall clock', async () => {
    const db = freshDb('observe');
    vi.spyOn(Date, 'now').mockReturnValue(T0);
    const remote = `${String(T0 + 3_600_000).padStart(13, '0')}:000007:someone-else`;
    await db.transaction('rw', db.meta, async () => await observeClock(db, remote));
    const next = await db.transaction('rw', db.meta, async () => await nextClock(db));
    expect(parseHlc(next).wall).toBe(T0 + 3_600_000);
    expect(parseHlc(next).counter).toBeGreaterThan(7);
    expect(parseHlc(next).node).toBe(await clientId(db));
  });

  it('the client id is created once, even when several callers ask at the same time on a fresh install', async () => {
    const db = freshDb('client-id');
    const ids = await Promise.all([clientId(db), clientId(db), upsertRecord('teams', newId(), teamFields(), db).then(() => clientId(db)), clientId(db)]);
    expect(new Set(ids).size).toBe(1);
    expect(await readMeta(db, META.clientId, null)).toBe(ids[0]);
    expect(parseHlc((await outbox(db))[0]!.mutation.hlc).node).toBe(ids[0]);
  });
});
