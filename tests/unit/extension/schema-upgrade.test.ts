import { applicationFields, newId, teamFields } from './helpers';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, expect, it } from 'vitest';
import { SCHEMA_V1, SCHEMA_V2, ShortlistDb } from '@/db/database';
import { clientId, META, readMeta } from '@/db/meta';
import { pendingFor } from '@/db/server-views';
import { upsertRecord } from '@/db/writes';

beforeEach(() => fakeBrowser.reset());

/** What an upgrade must keep for sync to carry on: the client id, the clock and the outbox. */
async function syncState(db: ShortlistDb) {
  return { client: await clientId(db), clock: await readMeta(db, META.clock, null), outbox: await db.outbox.toArray() };
}

/** Closes a database at version `from`, noting its sync state, and opens it with a later release, which must reach version `to`. */
async function upgrade<D extends ShortlistDb>(old: ShortlistDb, from: number, open: () => D, to: number) {
  const before = await syncState(old);
  expect(old.verno).toBe(from);
  old.close();
  const db = open();
  await db.open();
  expect(db.verno).toBe(to);
  return { db, before };
}

/** The database as the first release shipped it. */
class ShortlistDbV1 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
  }
}

/** The database as the release before the retention tables shipped it. */
class ShortlistDbV2 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
  }
}

/** What a later release would ship: one more line, an index on applications.source and an upgrade step. */
class ShortlistDbNext extends ShortlistDb {
  constructor(name: string) {
    super(name);
    this.version(4)
      .stores({ applications: `${SCHEMA_V1.applications}, source` })
      .upgrade((tx) =>
        tx
          .table('applications')
          .toCollection()
          .modify((a: Record<string, unknown>) => {
            a.teamPreference ??= 'not stated';
          }),
      );
  }
}

it('a version 1 database with data opens as version 3 (through 2): records, outbox, clock and client id kept; server views filled; outbox found by record', async () => {
  const name = `test-upgrade-v1-${newId()}`;
  const v1 = new ShortlistDbV1(name);
  // Version 1 has every table upsertRecord needs (outbox, meta, records).
  const asDb = v1 as unknown as ShortlistDb;
  const team = newId();
  const app = newId();
  await upsertRecord('teams', team, teamFields(), asDb);
  await upsertRecord('applications', app, applicationFields(), asDb);
  await upsertRecord('teams', team, { name: 'Renamed, not yet synced' }, asDb);
  const { db, before } = await upgrade(asDb, 1, () => new ShortlistDb(name), 3);
  expect(await db.teams.get(team)).toMatchObject({ name: 'Renamed, not yet synced' });
  expect(await syncState(db)).toEqual(before);
  // The best view an old database has of the server: its records as they are.
  expect(await db.server_views.get(['teams', team])).toEqual({ table: 'teams', id: team, record: await db.teams.get(team) });
  expect(await db.server_views.count()).toBe(2);
  expect((await pendingFor(db, 'teams', team)).map((e) => e.mutation.fields?.name)).toEqual(['Front door North', 'Renamed, not yet synced']);
  expect(await pendingFor(db, 'applications', app)).toHaveLength(1);
  db.close();
});

it('a version 2 database opens as version 3 with the retention tables, empty and indexed; its data and sync state kept', async () => {
  const name = `test-upgrade-v2-${newId()}`;
  const asDb = new ShortlistDbV2(name) as unknown as ShortlistDb;
  const team = newId();
  await upsertRecord('teams', team, teamFields(), asDb);
  const { db, before } = await upgrade(asDb, 2, () => new ShortlistDb(name), 3);
  expect(await db.teams.get(team)).toMatchObject({ name: 'Front door North' });
  expect(await syncState(db)).toEqual(before);
  expect(await db.staff.count()).toBe(0);
  const week = { id: newId(), teamId: team, weekStart: '2026-11-30', casesHeld: 90, fteHoldingCases: 6 };
  await upsertRecord('caseload_weeks', week.id, week, db);
  expect(await db.caseload_weeks.where('[teamId+weekStart]').equals([team, '2026-11-30']).count()).toBe(1);
  db.close();
});

it('a later version is one line: opening a version 3 database with version 4 keeps the data, the outbox and the sync state; the new index works', async () => {
  const name = `test-upgrade-v4-${newId()}`;
  const v2 = new ShortlistDb(name);
  const ids = [newId(), newId(), newId()];
  await upsertRecord('applications', ids[0]!, applicationFields({ source: 'referral', referrer: 'Pat' }), v2);
  await upsertRecord('applications', ids[1]!, applicationFields({ source: 'agency', teamPreference: null }), v2);
  await upsertRecord('applications', ids[2]!, applicationFields({ source: 'referral', referrer: 'Lee' }), v2);
  const { db: v3, before } = await upgrade(v2, 3, () => new ShortlistDbNext(name), 4);
  expect(await v3.applications.count()).toBe(3);
  expect((await v3.applications.where('source').equals('referral').primaryKeys()).sort()).toEqual([ids[0], ids[2]].sort());
  expect(await v3.applications.get(ids[1]!)).toMatchObject({ source: 'agency', teamPreference: 'not stated' });
  expect(await v3.applications.where('email').equals('sam@example.org').count()).toBe(3);
  expect(await syncState(v3)).toEqual(before);
  // Writes go on as before, on top of the old clock.
  await upsertRecord('applications', ids[1]!, { source: 'referral', referrer: 'Kim' }, v3);
  expect(await v3.applications.where('source').equals('referral').count()).toBe(3);
  expect((await v3.outbox.toArray()).at(-1)!.mutation.hlc > String(before.clock)).toBe(true);
  v3.close();
});
