import { endpointOf, freshDb, newId, outbox, resetBrowserAndServer, teamFields } from './helpers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ShortlistDb } from '@/db/database';
import { META, readMeta, writeMeta } from '@/db/meta';
import { upsertRecord } from '@/db/writes';
import { pullChanges } from '@/sync/pull';
import { pushOutbox } from '@/sync/push';
import { FakeServer } from './fake-server';

// A browser profile restored from a backup, or a server reset: the client's numbers and cursor
// no longer match the server's. Nothing may be dropped, and nothing may stall for ever
// (sync.md invariants 11 and 12).

let db: ShortlistDb;
let server: FakeServer;

beforeEach(() => {
  server = resetBrowserAndServer();
  db = freshDb('restart');
});

async function writeTeam(name: string): Promise<string> {
  const id = newId();
  await upsertRecord('teams', id, teamFields({ name }), db);
  return id;
}

describe('a restored profile', () => {
  it('numbers its changes again when the server answers sequence_reused, and none is lost', async () => {
    const first = [await writeTeam('One'), await writeTeam('Two')];
    await pushOutbox(db, endpointOf(server), server.fetch);
    // The profile comes back from a backup taken before that push was acknowledged... and the
    // same changes were meanwhile made again by hand, with new mutation ids.
    await writeMeta(db, META.lastAckedSeq, 0);
    const again = [await writeTeam('Three'), await writeTeam('Four')];
    const r = await pushOutbox(db, endpointOf(server), server.fetch);
    expect(r.pushed).toBe(2);
    expect(await outbox(db)).toEqual([]);
    for (const id of [...first, ...again]) expect(server.record('teams', id), id).not.toBeNull();
    const codes = server.requests.filter((x) => x.route === 'push').map((x) => x.status);
    expect(codes).toEqual([200, 409, 200]);
    expect(await readMeta(db, META.lastAckedSeq, 0)).toBe(4);
  });

  it('starts again from cursor 0 when its cursor is beyond the server\'s log', async () => {
    const other = freshDb('restart-colleague');
    for (const name of ['A', 'B', 'C']) await upsertRecord('teams', newId(), teamFields({ name }), other);
    await pushOutbox(other, endpointOf(server), server.fetch);
    await writeMeta(db, META.cursor, server.head() + 500);
    const { pulled } = await pullChanges(db, endpointOf(server), server.fetch);
    expect(pulled).toBe(3);
    expect(await db.teams.count()).toBe(3);
    expect(await readMeta(db, META.cursor, 0)).toBe(server.head());
    expect(server.requests.filter((x) => x.route === 'pull').map((x) => x.status)).toEqual([409, 200]);
  });
});
