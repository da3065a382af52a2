import { endpointOf, freshDb, newId, teamFields } from './helpers';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { META, readMeta } from '@/db/meta';
import { upsertRecord } from '@/db/writes';
import { pullChanges } from '@/sync/pull';
import { pushOutbox } from '@/sync/push';
import { FakeServer } from './fake-server';

let server: FakeServer;
beforeEach(() => {
  fakeBrowser.reset();
  server = new FakeServer();
});

describe('a cursor below the compacted change log', () => {
  it('starts again from zero by itself and ends up with every record', async () => {
    const writer = freshDb('floor-writer');
    const idle = freshDb('floor-idle');
    const first = newId();
    await upsertRecord('teams', first, teamFields({ name: 'First' }), writer);
    await pushOutbox(writer, endpointOf(server), server.fetch);
    await pullChanges(idle, endpointOf(server), server.fetch);
    const second = newId();
    await upsertRecord('teams', second, teamFields({ name: 'Second' }), writer);
    await pushOutbox(writer, endpointOf(server), server.fetch);
    const cursor = await readMeta(idle, META.cursor, 0);
    expect(cursor).toBeGreaterThan(0);

    server.failNext({ kind: 'status', status: 409, code: 'cursor_below_floor', message: 'compacted', details: { floor: cursor + 1 } }, 'pull');
    await pullChanges(idle, endpointOf(server), server.fetch);
    const pulls = server.requests.filter((r) => r.route === 'pull').slice(-2);
    expect(pulls.map((r) => r.status)).toEqual([409, 200]);
    expect((await idle.teams.toArray()).map((t) => t.name).sort()).toEqual(['First', 'Second']);
    expect(await readMeta(idle, META.cursor, 0)).toBe(server.head());
  });

  it('does not loop: a 409 at cursor 0 is an error like any other', async () => {
    const db = freshDb('floor-zero');
    server.failNext({ kind: 'status', status: 409, code: 'cursor_below_floor', message: 'compacted' }, 'pull');
    await expect(pullChanges(db, endpointOf(server), server.fetch)).rejects.toThrow(/compacted/);
  });
});
