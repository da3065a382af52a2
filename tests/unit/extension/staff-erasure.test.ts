import { endpointOf, freshDb, newId, resetBrowserAndServer } from './helpers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ShortlistDb } from '@/db/database';
import { upsertRecord } from '@/db/writes';
import { pullChanges } from '@/sync/pull';
import { pushOutbox } from '@/sync/push';
import { DEFAULT_USER, FakeServer } from './fake-server';
import { everythingStored } from './privacy-support';

let server: FakeServer;
let db: ShortlistDb;
const pull = () => pullChanges(db, endpointOf(server), server.fetch);

const JO_WORDS = ['Jo Leaving', 'Sam Chosen-Colleague', 'Jo found the caseload too heavy', 'Jo is thinking of agency work', 'phased return for Jo', 'Jo rang again', 'Jo L.', 'Jo back in May'];

beforeEach(() => {
  server = resetBrowserAndServer();
  db = freshDb('staff-erasure');
});

/** A member of staff who left, with an exit interview and a Stay conversation (held by this browser's user, who sees it whole), as the server holds them. */
function jo() {
  const [team, postId, staff, leaver, exit, stay] = [newId(), newId(), newId(), newId(), newId(), newId()];
  const records = {
    post: { id: postId, teamId: team, role: 'social_worker', fte: 1, cover: 'vacant', note: 'phased return for Jo' },
    staff: { id: staff, postId, name: 'Jo Leaving', role: 'social_worker', fte: 0.8, startDate: '2022-01-10' },
    leaver: { id: leaver, staffId: staff, postId, leavingDate: '2026-06-30', reason: 'workload', destination: 'agency', fte: 0.8 },
    exit: { id: exit, leaverId: leaver, offeredOn: '2026-06-20', outcome: 'held', heldWith: 'Sam Chosen-Colleague', themes: ['caseload'], notes: 'Jo found the caseload too heavy' },
    stay: { id: stay, staffId: staff, heldBy: DEFAULT_USER.userId, holderRole: 'principal_social_worker', heldOn: '2026-05-01', outcome: 'left', themes: [], notes: 'Jo is thinking of agency work' },
  };
  server.injectChange('teams', team, { id: team, name: 'Assessment', type: 'assessment', area: 'North' });
  server.injectChange('posts', postId, records.post);
  server.injectChange('staff', staff, records.staff);
  server.injectChange('leavers', leaver, records.leaver);
  server.injectChange('exit_interviews', exit, records.exit);
  server.injectChange('stay_conversations', stay, records.stay);
  return records;
}

/** Jo's records as the server's erasure or deletion of Jo leaves them (tests/worker/staff-erasure.test.ts checks the server side). */
function scrubOnServer(r: ReturnType<typeof jo>) {
  server.injectChange('posts', r.post.id, { ...r.post, note: null });
  server.injectChange('exit_interviews', r.exit.id, { ...r.exit, heldWith: null, notes: null });
  server.injectChange('stay_conversations', r.stay.id, { ...r.stay, notes: null });
}

/** What the server's erasure of Jo sends. */
function eraseOnServer(r: ReturnType<typeof jo>) {
  server.injectChange('staff', r.staff.id, { ...r.staff, name: null, erased: true });
  scrubOnServer(r);
}

describe("a member of staff's erasure, pulled", () => {
  it('leaves no words about them in this browser: copies, server views, unsent and refused edits; dates, reasons and FTE stay', async () => {
    const r = jo();
    await pull();
    for (const w of JO_WORDS.slice(0, 4)) expect(await everythingStored(db)).toContain(w);
    // A refused edit naming them, then unsent edits made offline before the erasure reached this browser.
    await upsertRecord('exit_interviews', r.exit.id, { notes: 'Jo rang again' }, db);
    const [refused] = await db.outbox.toArray();
    server.refuseMutation(refused!.mutation.id, ['notes: refused by the test']);
    await pushOutbox(db, endpointOf(server), server.fetch);
    expect(await db.refused.count()).toBe(1);
    await upsertRecord('staff', r.staff.id, { name: 'Jo L.', fte: 0.6 }, db);
    await upsertRecord('exit_interviews', r.exit.id, { notes: 'Jo rang again' }, db);
    await upsertRecord('posts', r.post.id, { note: 'Jo back in May' }, db);

    eraseOnServer(r);
    await pull();

    const all = await everythingStored(db);
    for (const w of JO_WORDS) expect(all, `this browser still holds "${w}"`).not.toContain(w);
    expect(await db.staff.get(r.staff.id)).toMatchObject({ name: null, erased: true, fte: 0.6, startDate: '2022-01-10' });
    expect(await db.leavers.get(r.leaver.id)).toMatchObject({ leavingDate: '2026-06-30', reason: 'workload', destination: 'agency', fte: 0.8 });
    expect(await db.exit_interviews.get(r.exit.id)).toMatchObject({ heldWith: null, notes: null, themes: ['caseload'] });
    // The post they held keeps its place in the establishment, without its note.
    expect(await db.posts.get(r.post.id)).toMatchObject({ note: null, teamId: r.post.teamId, cover: 'vacant' });
    // The FTE edit still goes to the server; the notes-only edit has nothing left to send.
    expect((await db.outbox.toArray()).map((e) => [e.mutation.table, e.mutation.fields])).toEqual([['staff', { fte: 0.6 }]]);
  });

  it('an edit already sent when the erasure arrives keeps its place, and puts no words about them back on screen', async () => {
    const r = jo();
    await pull();
    await upsertRecord('stay_conversations', r.stay.id, { notes: 'Jo rang again', outcome: 'stayed' }, db);
    // Sent, but the answer was lost: the entry stays in the outbox with its sequence number.
    server.failNext({ kind: 'drop-before' }, 'push');
    await pushOutbox(db, endpointOf(server), server.fetch).catch(() => undefined);
    const [sent] = await db.outbox.toArray();
    expect(sent!.seq).toBeDefined();

    eraseOnServer(r);
    await pull();
    expect(await db.stay_conversations.get(r.stay.id)).toMatchObject({ notes: null, outcome: 'stayed', staffId: r.staff.id });
    // Kept whole (a replay must stay a replay): the server drops the notes itself (tests/worker/staff-erasure.test.ts).
    expect((await db.outbox.toArray()).map((e) => e.mutation.id)).toEqual([sent!.mutation.id]);
  });

  it('a pulled deletion of a staff record takes the words about them out of this browser like an erasure', async () => {
    const r = jo();
    await pull();
    await upsertRecord('exit_interviews', r.exit.id, { notes: 'Jo rang again' }, db);
    const [refused] = await db.outbox.toArray();
    server.refuseMutation(refused!.mutation.id, ['notes: refused by the test']);
    await pushOutbox(db, endpointOf(server), server.fetch);
    await upsertRecord('posts', r.post.id, { note: 'Jo back in May' }, db);

    // What the server's deletion sends (tests/worker/staff-erasure.test.ts): the tombstone and the scrubbed records.
    server.injectChange('staff', r.staff.id, null);
    scrubOnServer(r);
    await pull();

    const all = await everythingStored(db);
    for (const w of JO_WORDS) expect(all, `this browser still holds "${w}"`).not.toContain(w);
    expect(await db.staff.get(r.staff.id)).toBeUndefined();
    expect(await db.leavers.get(r.leaver.id)).toMatchObject({ reason: 'workload', fte: 0.8 });
    // The refusal stays listed without the words; nothing is left to send.
    expect(await db.refused.count()).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });
});
