import { freshDb, newId, outbox, resetBrowserAndServer, syncVia } from './helpers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StageEvent } from '#shared/schema/index';
import type { ShortlistDb } from '@/db/database';
import { holderOnStart } from '@/db/holders';
import { moveApplication } from '@/db/moves';
import { appendStageEvent, upsertRecord } from '@/db/writes';
import { FakeServer } from './fake-server';

// "A hire that starts becomes the post's holder without typing it again", in the browser.

let db: ShortlistDb;
let server: FakeServer;
beforeEach(() => {
  server = resetBrowserAndServer();
  db = freshDb('holders');
});

/** A team with a vacant post and an agency-covered one, a vacancy, and an application at checks complete. */
async function readyToStart() {
  const [team, vacant, agency, vacancy, app] = [newId(), newId(), newId(), newId(), newId()];
  await upsertRecord('teams', team, { name: 'Children in Care', type: 'children_in_care' }, db);
  await upsertRecord('posts', agency, { teamId: team, role: 'social_worker', fte: 1, cover: 'agency', agencyName: 'Brightpath Locums' }, db);
  await upsertRecord('posts', vacant, { teamId: team, role: 'social_worker', fte: 0.8, cover: 'vacant' }, db);
  await upsertRecord('vacancies', vacancy, { title: 'Social worker, CiC', teamIds: [team], role: 'social_worker', posts: 2, mode: 'rolling', status: 'open' }, db);
  await upsertRecord('applications', app, { vacancyId: vacancy, name: 'Jo Starter', source: 'referral', referrer: 'Pat', experience: 'nqsw', receivedDate: '2026-01-05' }, db);
  const stages = ['applied', 'shortlisted', 'interviewed', 'offered', 'accepted', 'checks_complete'] as const;
  const events: StageEvent[] = [];
  for (const [i, stage] of stages.entries()) events.push(await appendStageEvent({ id: newId(), applicationId: app, stage, at: `2026-01-${String(5 + i).padStart(2, '0')}T10:00:00Z`, by: 'user-alice' }, db));
  return { team, vacant, agency, vacancy, app, events };
}

describe('recording a start', () => {
  it('makes the starter the holder of the vacant post and covers it permanently, with the outbox entries, which the server accepts', async () => {
    const { vacant, agency, app, events } = await readyToStart();
    const before = (await outbox(db)).length;
    const result = await moveApplication({ applicationId: app, events, to: 'started', by: 'user-alice', now: new Date('2026-03-02T09:00:00Z') }, db);
    expect(result).toMatchObject({ ok: true, holder: { kind: 'holder', postId: vacant } });
    const staff = await db.staff.toArray();
    expect(staff).toEqual([expect.objectContaining({ postId: vacant, name: 'Jo Starter', fte: 0.8, startDate: '2026-03-02', applicationId: app, asyeStatus: 'in_progress', ecf: 'asye' })]);
    expect(await db.posts.get(vacant)).toMatchObject({ cover: 'permanent' });
    expect(await db.posts.get(agency)).toMatchObject({ cover: 'agency' });
    expect((await outbox(db)).slice(before).map((e) => e.mutation.table)).toEqual(['stage_events', 'staff', 'posts']);
    await syncVia(server, db);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.refused.count()).toBe(0);
  });

  it('a second start of the same application adds no second holder; any other move makes none', async () => {
    const { app, events } = await readyToStart();
    const first = await moveApplication({ applicationId: app, events, to: 'started', by: 'user-alice' }, db);
    expect(first.ok && first.holder?.kind).toBe('holder');
    // As another browser's copy of the start, pulled later, would ask again.
    expect(await holderOnStart(app, db)).toMatchObject({ kind: 'already_holder' });
    expect(await db.staff.count()).toBe(1);
    const other = await readyToStart();
    const withdrawn = await moveApplication({ applicationId: other.app, events: other.events, to: 'withdrawn', reason: 'salary', by: 'user-alice' }, db);
    expect(withdrawn).toMatchObject({ ok: true });
    expect(withdrawn.ok && withdrawn.holder).toBeUndefined();
    expect(await db.staff.count()).toBe(1);
  });
});
