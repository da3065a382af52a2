import { applicationFields, colleagueAndMine, endpointOf, newId, syncVia, teamFields } from './helpers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConflictRecord, PullResponse } from '#shared/schema/index';
import type { ShortlistDb } from '@/db/database';
import { META, readMeta } from '@/db/meta';
import { appendStageEvent, deleteRecord, eraseCandidate, upsertRecord } from '@/db/writes';
import { pullChanges } from '@/sync/pull';
import { pushOutbox } from '@/sync/push';
import { DEFAULT_USER, FakeServer } from './fake-server';

/** Managers an application can be assigned to (the server refuses an assignedTo that names no user). */
const MANAGERS = ['manager-1', 'manager-2', 'manager-3'].map((userId, i) => ({ ...DEFAULT_USER, token: `token-manager-${i}`, userId, role: 'manager' as const }));

let server: FakeServer;
/** This browser. */
let db: ShortlistDb;
/** A colleague's browser, same user account, another install. */
let other: ShortlistDb;

const sync = (d: ShortlistDb) => syncVia(server, d);
const pull = (d = db, limit?: number) => pullChanges(d, endpointOf(server), server.fetch, limit);
const cursor = (d = db) => readMeta(d, META.cursor, 0);

/** A candidate the colleague added, with a stage event whose note is personal data, synced to both browsers. */
async function sharedCandidateWithNote(): Promise<{ a: string; ev: string }> {
  const a = newId();
  const ev = newId();
  await upsertRecord('applications', a, applicationFields(), other);
  await appendStageEvent({ id: ev, applicationId: a, stage: 'shortlisted', at: '2026-03-02T10:00:00Z', by: 'u', note: 'Sam is moving house' }, other);
  await sync(other);
  await sync(db);
  return { a, ev };
}

beforeEach(() => {
  ({ server, colleague: other, mine: db } = colleagueAndMine('pull', [DEFAULT_USER, ...MANAGERS]));
});

describe('pullChanges', () => {
  it('pages to the end and lands on the last cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const id = newId();
      ids.push(id);
      await upsertRecord('teams', id, teamFields({ name: `Team ${i}` }), other);
    }
    await pushOutbox(other, endpointOf(server), server.fetch);
    const before = server.requests.length;
    const res = await pull(db, 2);
    expect(res.pulled).toBe(7);
    expect(server.requests.slice(before).filter((r) => r.route === 'pull')).toHaveLength(4);
    expect(await cursor()).toBe(server.head());
    for (const [i, id] of ids.entries()) expect(await db.teams.get(id)).toMatchObject({ name: `Team ${i}` });
    // Nothing new: one request, nothing applied, cursor unchanged.
    expect((await pull()).pulled).toBe(0);
    expect(await cursor()).toBe(server.head());
  });

  it('a page that cannot be applied leaves the data and the cursor as they were', async () => {
    const t1 = newId();
    const t2 = newId();
    await upsertRecord('teams', t1, teamFields({ name: 'First' }), other);
    await pushOutbox(other, endpointOf(server), server.fetch);
    await pull();
    const cursorBefore = await cursor();
    const teamsBefore = await db.teams.toArray();

    await upsertRecord('teams', t1, { name: 'First, renamed' }, other);
    await upsertRecord('teams', t2, teamFields({ name: 'Second' }), other);
    await pushOutbox(other, endpointOf(server), server.fetch);
    // Then a record that cannot be stored (no key), later in the same page.
    server.injectChange('teams', newId(), { name: 'no id in this record', type: 'court' });
    await expect(pull()).rejects.toThrow();
    expect(await cursor()).toBe(cursorBefore);
    expect(await db.teams.toArray()).toEqual(teamsBefore);
  });

  it('rebase: an unacknowledged local edit stays on top of the pulled record, then both reach the server', async () => {
    const t = newId();
    await upsertRecord('teams', t, teamFields({ name: 'Old name', area: 'Old area' }), other);
    await sync(other);
    await sync(db);
    await upsertRecord('teams', t, { area: 'Local area' }, db);
    await upsertRecord('teams', t, { name: 'Remote name' }, other);
    await sync(other);
    await pull();
    expect(await db.teams.get(t)).toMatchObject({ name: 'Remote name', area: 'Local area' });
    await sync(db);
    await sync(other);
    expect(server.record('teams', t)).toMatchObject({ name: 'Remote name', area: 'Local area' });
    expect(await db.teams.get(t)).toEqual(server.record('teams', t));
    expect(await other.teams.get(t)).toEqual(server.record('teams', t));
  });

  it('a pending local delete is not undone by a pulled record; after sync it is deleted everywhere', async () => {
    const t = newId();
    await upsertRecord('teams', t, teamFields(), other);
    await sync(other);
    await sync(db);
    await deleteRecord('teams', t, db);
    await upsertRecord('teams', t, { name: 'Renamed elsewhere' }, other);
    await sync(other);
    await pull();
    expect(await db.teams.get(t)).toBeUndefined();
    await sync(db);
    await sync(other);
    expect(server.isDeleted('teams', t)).toBe(true);
    expect(await other.teams.get(t)).toBeUndefined();
    // Deleted stays deleted: a later edit from a stale copy does not bring it back.
    await upsertRecord('teams', t, teamFields({ name: 'Back from the dead' }), other);
    await sync(other);
    await sync(db);
    expect(server.isDeleted('teams', t)).toBe(true);
    expect(await db.teams.get(t)).toBeUndefined();
  });

  it('a pulled erasure removes the personal fields and notes, and pending personal edits', async () => {
    const { a, ev } = await sharedCandidateWithNote();
    expect(await db.stage_events.get(ev)).toMatchObject({ note: 'Sam is moving house' });
    await upsertRecord('applications', a, { phone: '07700 900888', yearsQualified: 7 }, db);
    await eraseCandidate(a, other);
    await sync(other);
    await pull();
    const app = await db.applications.get(a);
    expect(app).toMatchObject({ erased: true, name: null, email: null, phone: null, atsReference: null, yearsQualified: 7 });
    expect(await db.stage_events.get(ev)).toMatchObject({ note: null });
    expect(JSON.stringify(await db.outbox.toArray())).not.toContain('07700');
    await sync(db);
    expect(server.record('applications', a)).toMatchObject({ erased: true, name: null, phone: null, yearsQualified: 7 });
    expect(await db.refused.count()).toBe(0);
  });

  it('a pending local erasure is not undone by a pulled record', async () => {
    const { a, ev } = await sharedCandidateWithNote();
    await eraseCandidate(a, db);
    // A colleague edits the candidate before the erasure reaches the server.
    await upsertRecord('applications', a, { yearsQualified: 7 }, other);
    await appendStageEvent({ id: newId(), applicationId: a, stage: 'interview_booked', at: '2026-03-03T10:00:00Z', by: 'u', note: 'Sam asked for a morning slot' }, other);
    await sync(other);
    await pull();
    const app = await db.applications.get(a);
    expect(app).toMatchObject({ erased: true, name: null, email: null, phone: null, yearsQualified: 7 });
    expect(JSON.stringify(await db.stage_events.toArray())).not.toContain('Sam');
    await sync(db);
    await sync(other);
    expect(JSON.stringify([...server.snapshot().values()])).not.toContain('Sam');
    expect(JSON.stringify(await other.applications.toArray())).not.toContain('Sam');
  });

  it('stores pulled conflicts, from a losing concurrent edit and from the server', async () => {
    const a = newId();
    await upsertRecord('applications', a, applicationFields({ assignedTo: 'manager-1' }), other);
    await sync(other);
    await sync(db);
    // Both assign offline; this one first (older clock), the colleague later and pushes first.
    await upsertRecord('applications', a, { assignedTo: 'manager-2' }, db);
    await new Promise((r) => setTimeout(r, 3));
    await upsertRecord('applications', a, { assignedTo: 'manager-3' }, other);
    await sync(other);
    await sync(db);
    await pull(other);
    const seen = await other.conflicts.toArray();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ table: 'applications', recordId: a, field: 'assignedTo', losingValue: 'manager-2', winningValue: 'manager-3' });
    expect(await db.conflicts.toArray()).toEqual(seen);
    expect(await db.applications.get(a)).toMatchObject({ assignedTo: 'manager-3' });

    const injected: ConflictRecord = {
      id: 'conflict-from-server',
      table: 'vacancies',
      recordId: newId(),
      field: 'status',
      losingValue: 'open',
      winningValue: 'closed',
      losingHlc: '1767225600000:000000:a',
      winningHlc: '1767225600001:000000:b',
      at: '2026-03-02T10:00:00.000Z',
    };
    server.injectConflict(injected);
    await pull();
    expect(await db.conflicts.get('conflict-from-server')).toEqual(injected);
  });

  it('skips changes of a table it does not know, applies the rest and moves the cursor on', async () => {
    server.injectChange('interview_panels', newId(), { id: 'x', members: 3 });
    const t = newId();
    await upsertRecord('teams', t, teamFields(), other);
    await pushOutbox(other, endpointOf(server), server.fetch);
    server.injectChange('interview_panels', newId(), null);
    await pull();
    expect(await cursor()).toBe(server.head());
    expect(await db.teams.get(t)).toBeDefined();
    expect(db.tables.map((x) => x.name)).not.toContain('interview_panels');
  });

  it('never moves the cursor backwards, whatever the server answers, and concurrent pulls agree', async () => {
    for (let i = 0; i < 5; i++) await upsertRecord('teams', newId(), teamFields({ name: `T${i}` }), other);
    await pushOutbox(other, endpointOf(server), server.fetch);
    await pull();
    const high = await cursor();
    expect(high).toBe(server.head());
    const backwards = (async () => new Response(JSON.stringify({ changes: [], cursor: 1, hasMore: false } satisfies PullResponse))) as unknown as typeof fetch;
    await pullChanges(db, endpointOf(server), backwards);
    expect(await cursor()).toBe(high);

    for (let i = 0; i < 5; i++) await upsertRecord('teams', newId(), teamFields({ name: `U${i}` }), other);
    await pushOutbox(other, endpointOf(server), server.fetch);
    const seen: number[] = [];
    const watch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(await cursor());
      return server.fetch(input, init);
    }) as typeof fetch;
    await Promise.all([pullChanges(db, endpointOf(server), watch, 2), pullChanges(db, endpointOf(server), watch, 3)]);
    expect(await cursor()).toBe(server.head());
    expect(await db.teams.count()).toBe(10);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
  });

  it('paging while others write: every change is seen, in order, and the cursor lands on the end', async () => {
    const first: string[] = [];
    for (let i = 0; i < 4; i++) {
      first.push(newId());
      await upsertRecord('teams', first[i]!, teamFields({ name: `Before ${i}` }), other);
    }
    await pushOutbox(other, endpointOf(server), server.fetch);
    let pages = 0;
    const later: string[] = [];
    const busy = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await server.fetch(input, init);
      if (String(input).includes('/v1/sync/pull') && ++pages <= 2) {
        // A colleague writes between our pages: a new record, and a change to one we already pulled.
        const id = newId();
        later.push(id);
        await upsertRecord('teams', id, teamFields({ name: `During ${pages}` }), other);
        await upsertRecord('teams', first[0]!, { area: `Changed during page ${pages}` }, other);
        await pushOutbox(other, endpointOf(server), server.fetch);
      }
      return res;
    }) as typeof fetch;
    await pullChanges(db, endpointOf(server), busy, 2);
    expect(await cursor()).toBe(server.head());
    for (const id of [...first, ...later]) expect(await db.teams.get(id)).toEqual(server.record('teams', id));
    expect(await db.teams.get(first[0]!)).toMatchObject({ area: 'Changed during page 2' });
  });
});
