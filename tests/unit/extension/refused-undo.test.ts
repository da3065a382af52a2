import { applicationFields, endpointOf, freshDb, newId, outbox, teamFields } from './helpers';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ShortlistDb } from '@/db/database';
import { viewOf } from '@/db/server-views';
import { appendStageEvent, deleteRecord, eraseCandidate, upsertRecord } from '@/db/writes';
import { pullChanges } from '@/sync/pull';
import { pushOutbox } from '@/sync/push';
import { FakeServer } from './fake-server';

let db: ShortlistDb;
let colleague: ShortlistDb;
let server: FakeServer;
const push = (d = db) => pushOutbox(d, endpointOf(server), server.fetch);
const pull = (d = db) => pullChanges(d, endpointOf(server), server.fetch);
const lastMutationId = async () => (await outbox(db)).at(-1)!.mutation.id;

beforeEach(() => {
  fakeBrowser.reset();
  db = freshDb('refused-undo');
  colleague = freshDb('refused-undo-colleague');
  server = new FakeServer();
});

async function syncedTeam(name = 'Accepted'): Promise<string> {
  const id = newId();
  await upsertRecord('teams', id, teamFields({ name }), db);
  await push();
  await pull();
  return id;
}

describe('the server view', () => {
  it('holds the server\'s record without pending edits: pulled, and acknowledged pushes folded in before the pull', async () => {
    const t = newId();
    await upsertRecord('teams', t, teamFields({ name: 'Mine' }), db);
    expect(await viewOf(db, 'teams', t)).toBeUndefined();
    await push();
    expect(await viewOf(db, 'teams', t)).toMatchObject({ id: t, name: 'Mine' });
    await upsertRecord('teams', t, { area: 'South' }, db);
    await pull(colleague);
    await upsertRecord('teams', t, { name: 'Mine, renamed' }, colleague);
    await push(colleague);
    await pull();
    // The server's record as pulled; the local one has the pending area on top.
    expect(await viewOf(db, 'teams', t)).toMatchObject({ name: 'Mine, renamed', area: 'North' });
    expect(await db.teams.get(t)).toMatchObject({ name: 'Mine, renamed', area: 'South' });
  });

  it('keeps no personal data of an erased candidate, erased here or on the server', async () => {
    const a = newId();
    const b = newId();
    await upsertRecord('applications', a, applicationFields(), db);
    await upsertRecord('applications', b, applicationFields({ name: 'Lee Other', email: 'lee@example.org' }), db);
    await appendStageEvent({ id: newId(), applicationId: a, stage: 'shortlisted', at: '2026-03-02T10:00:00.000Z', by: 'user-alice', note: 'Sam said call after 5' }, db);
    await push();
    await pull();
    await pull(colleague);
    await eraseCandidate(a, db);
    await eraseCandidate(b, colleague);
    await push(colleague);
    await pull();
    const views = JSON.stringify(await db.server_views.toArray());
    for (const personal of ['Sam Candidate', 'sam@example.org', 'Lee Other', 'lee@example.org', 'call after 5']) expect(views).not.toContain(personal);
  });
});

describe('a change the server refuses is undone here', () => {
  it('an edit: the record goes back to the server\'s value; another pending edit of it stays on top', async () => {
    const t = await syncedTeam();
    await upsertRecord('teams', t, { name: 'Refused name' }, db);
    server.forbidMutation(await lastMutationId(), 'a manager may not rename teams');
    await upsertRecord('teams', t, { area: 'East' }, db);
    await push();
    expect(await db.refused.toArray()).toMatchObject([{ code: 'forbidden', message: 'a manager may not rename teams', mutation: { fields: { name: 'Refused name' } } }]);
    expect(await db.teams.get(t)).toMatchObject({ name: 'Accepted', area: 'East' });
    expect(server.record('teams', t)).toMatchObject({ name: 'Accepted', area: 'East' });
    await pull();
    expect(await db.teams.get(t)).toEqual(server.record('teams', t));
  });

  it('a creation: the record disappears here, the rest of the batch goes through', async () => {
    const refusedTeam = newId();
    const okTeam = newId();
    await upsertRecord('teams', refusedTeam, teamFields({ name: 'Not allowed' }), db);
    server.refuseMutation(await lastMutationId(), ['name: the council already has a team of that name']);
    await upsertRecord('teams', okTeam, teamFields({ name: 'Allowed' }), db);
    await push();
    expect(await db.teams.get(refusedTeam)).toBeUndefined();
    expect(await db.teams.get(okTeam)).toBeDefined();
    expect(server.record('teams', okTeam)).not.toBeNull();
    expect(await db.refused.count()).toBe(1);
  });

  it('a delete: the record comes back as the server has it', async () => {
    const t = await syncedTeam('Still here');
    await deleteRecord('teams', t, db);
    expect(await db.teams.get(t)).toBeUndefined();
    server.forbidMutation(await lastMutationId(), 'only admins delete teams');
    await push();
    expect(await db.teams.get(t)).toMatchObject({ id: t, name: 'Still here' });
    expect(server.isDeleted('teams', t)).toBe(false);
  });

  it('an erasure the server refuses leaves the candidate erased here: personal data never comes back', async () => {
    const a = newId();
    await upsertRecord('applications', a, applicationFields(), db);
    await push();
    await pull();
    await eraseCandidate(a, db);
    server.forbidMutation(await lastMutationId(), 'only admins erase candidates');
    await push();
    await pull();
    expect(await db.refused.count()).toBe(1);
    expect(await db.applications.get(a)).toMatchObject({ erased: true, name: null, email: null });
    expect(JSON.stringify(await db.server_views.toArray())).not.toContain('Sam Candidate');
  });
});
