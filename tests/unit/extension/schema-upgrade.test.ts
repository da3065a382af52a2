import { applicationFields, newId } from './helpers';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, expect, it } from 'vitest';
import { SCHEMA_V1, ShortlistDb } from '@/db/database';
import { clientId, META, readMeta } from '@/db/meta';
import { upsertRecord } from '@/db/writes';

beforeEach(() => fakeBrowser.reset());

/** What a later release would ship: version 2 adds an index on applications.source and an upgrade step. */
class ShortlistDbV2 extends ShortlistDb {
  constructor(name: string) {
    super(name);
    this.version(2)
      .stores({ ...SCHEMA_V1, applications: `${SCHEMA_V1.applications}, source` })
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

it('opening a version 1 database with version 2 keeps the data, the outbox and the sync state; the new index works', async () => {
  const name = `test-upgrade-${newId()}`;
  const v1 = new ShortlistDb(name);
  const ids = [newId(), newId(), newId()];
  await upsertRecord('applications', ids[0]!, applicationFields({ source: 'referral', referrer: 'Pat' }), v1);
  await upsertRecord('applications', ids[1]!, applicationFields({ source: 'agency', teamPreference: null }), v1);
  await upsertRecord('applications', ids[2]!, applicationFields({ source: 'referral', referrer: 'Lee' }), v1);
  const client = await clientId(v1);
  const clock = await readMeta(v1, META.clock, null);
  const outboxBefore = await v1.outbox.toArray();
  expect(v1.verno).toBe(1);
  v1.close();

  const v2 = new ShortlistDbV2(name);
  await v2.open();
  expect(v2.verno).toBe(2);
  expect(await v2.applications.count()).toBe(3);
  expect((await v2.applications.where('source').equals('referral').primaryKeys()).sort()).toEqual([ids[0], ids[2]].sort());
  expect(await v2.applications.get(ids[1]!)).toMatchObject({ source: 'agency', teamPreference: 'not stated' });
  expect(await v2.applications.where('email').equals('sam@example.org').count()).toBe(3);
  expect(await v2.outbox.toArray()).toEqual(outboxBefore);
  expect(await clientId(v2)).toBe(client);
  expect(await readMeta(v2, META.clock, null)).toBe(clock);
  // Writes go on as before, on top of the old clock.
  await upsertRecord('applications', ids[1]!, { source: 'referral', referrer: 'Kim' }, v2);
  expect(await v2.applications.where('source').equals('referral').count()).toBe(3);
  expect((await v2.outbox.toArray()).at(-1)!.mutation.hlc > String(clock)).toBe(true);
  v2.close();
});
