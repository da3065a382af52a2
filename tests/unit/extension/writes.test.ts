import { applicationFields, freshDb, newId, outbox, teamFields } from './helpers';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PERSONAL_FIELDS, type Application, type StageEvent } from '#shared/schema/index';
import type { ShortlistDb } from '@/db/database';
import { appendStageEvent, deleteRecord, eraseCandidate, onLocalWrite, upsertRecord, ValidationError } from '@/db/writes';
import { pushOutbox } from '@/sync/push';
import { FakeServer } from './fake-server';
import { endpointOf } from './helpers';

let db: ShortlistDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = freshDb('writes');
});

describe('local writes', () => {
  it('writes the record and its outbox entry together, with only the fields given', async () => {
    const id = newId();
    const saved = await upsertRecord('teams', id, teamFields(), db);
    expect(saved).toMatchObject({ id, name: 'Front door North' });
    expect(await db.teams.get(id)).toEqual(saved);
    await upsertRecord('teams', id, { area: 'South' }, db);
    const entries = await outbox(db);
    expect(entries).toHaveLength(2);
    expect(entries[0]!.mutation).toMatchObject({ table: 'teams', op: 'upsert', recordId: id, fields: teamFields() });
    expect(entries[1]!.mutation.fields).toEqual({ area: 'South' });
    expect(entries[1]!.mutation.hlc > entries[0]!.mutation.hlc).toBe(true);
    expect(entries[0]!.mutation.id).not.toBe(entries[1]!.mutation.id);
    expect(entries.every((e) => e.seq === undefined)).toBe(true);
  });

  it('reads its own writes at once (offline: no server involved)', async () => {
    const id = newId();
    await upsertRecord('applications', id, applicationFields(), db);
    await upsertRecord('applications', id, { phone: '07700 900999' }, db);
    expect(await db.applications.get(id)).toMatchObject({ name: 'Sam Candidate', phone: '07700 900999' });
    expect(await db.applications.where('email').equals('sam@example.org').count()).toBe(1);
    await deleteRecord('applications', id, db);
    expect(await db.applications.get(id)).toBeUndefined();
    expect((await outbox(db)).map((e) => e.mutation.op)).toEqual(['upsert', 'upsert', 'delete']);
  });

  it('refuses an invalid record with "field: problem" issues and writes neither record nor outbox', async () => {
    const id = newId();
    const err = await upsertRecord('teams', id, { name: '', type: 'spaceship' } as never, db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const issues = (err as ValidationError).issues;
    expect(issues).toContain('name: must not be empty');
    expect(issues.some((l) => l.startsWith('type: must be one of'))).toBe(true);
    expect(issues.every((l) => /^[\w.]+: .+/.test(l))).toBe(true);
    expect(await db.teams.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('validates the merged record: a bad edit of an existing record leaves both as they were', async () => {
    const id = newId();
    await upsertRecord('applications', id, applicationFields(), db);
    const before = await db.applications.get(id);
    await expect(upsertRecord('applications', id, { source: 'referral' }, db)).rejects.toThrow(/referrer: a referral needs the referrer/);
    expect(await db.applications.get(id)).toEqual(before);
    expect(await db.outbox.count()).toBe(1);
  });

  it('an outer transaction that aborts after upsertRecord leaves neither record nor outbox entry', async () => {
    const id = newId();
    await expect(
      db.transaction('rw', [db.teams, db.outbox, db.meta], async () => {
        await upsertRecord('teams', id, teamFields(), db);
        expect(await db.teams.get(id)).toBeDefined(); // visible inside
        throw new Error('crash after the write');
      }),
    ).rejects.toThrow('crash after the write');
    expect(await db.teams.get(id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('a failing outbox write rolls the record back too', async () => {
    const id = newId();
    const spy = vi.spyOn(db.outbox, 'add').mockImplementation((() => Promise.reject(new Error('disk full'))) as never);
    await expect(upsertRecord('teams', id, teamFields(), db)).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await db.teams.get(id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('append-only tables refuse upsertRecord; appendStageEvent adds the event and its entry', async () => {
    const appId = newId();
    const event: StageEvent = { id: newId(), applicationId: appId, stage: 'shortlisted', at: '2026-03-02T10:00:00Z', by: 'user-alice' };
    await expect(upsertRecord('stage_events', event.id, event as never, db)).rejects.toThrow(/append-only/);
    expect(await db.stage_events.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    await appendStageEvent(event, db);
    expect(await db.stage_events.get(event.id)).toEqual(event);
    const [entry] = await outbox(db);
    expect(entry!.mutation).toMatchObject({ table: 'stage_events', op: 'upsert', recordId: event.id });
    expect(entry!.mutation.fields).not.toHaveProperty('id');
    await expect(appendStageEvent({ ...event, id: newId(), stage: 'rejected' }, db)).rejects.toThrow(ValidationError);
    expect(await db.stage_events.count()).toBe(1);
  });

  it('sends only what the server takes: unknown keys and a stray id stay out of the outbox, and the push is accepted', async () => {
    const server = new FakeServer();
    const id = newId();
    const saved = await upsertRecord('teams', id, { ...teamFields(), name: '  Court team  ', colour: 'blue', id: newId() } as never, db);
    expect(saved).toEqual({ id, ...teamFields(), name: 'Court team' });
    const [entry] = await outbox(db);
    expect(entry!.mutation.fields).toEqual({ ...teamFields(), name: 'Court team' });
    await pushOutbox(db, endpointOf(server), server.fetch);
    expect(await db.refused.count()).toBe(0);
    expect(server.record('teams', id)).toEqual(saved);
  });

  it('erased stays erased locally: personal data cannot be written back, nor the erasure undone, by an upsert', async () => {
    const appId = newId();
    await upsertRecord('applications', appId, applicationFields(), db);
    await expect(upsertRecord('applications', appId, { erased: true }, db)).rejects.toThrow(ValidationError);
    await eraseCandidate(appId, db);
    const before = await db.outbox.count();
    const err = await upsertRecord('applications', appId, { name: 'Sam Candidate', phone: '07700 900123' }, db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues).toEqual([expect.stringMatching(/^name: /), expect.stringMatching(/^phone: /)]);
    await expect(upsertRecord('applications', appId, { erased: false }, db)).rejects.toThrow(ValidationError);
    expect(await db.applications.get(appId)).toMatchObject({ erased: true, name: null, phone: null });
    expect(await db.outbox.count()).toBe(before);
    // Other fields still change.
    await upsertRecord('applications', appId, { yearsQualified: 7, name: null }, db);
    expect(await db.applications.get(appId)).toMatchObject({ erased: true, yearsQualified: 7, name: null });
  });

  it('tells listeners after a committed write, not after a refused one', async () => {
    const calls: number[] = [];
    const off = onLocalWrite(() => calls.push(1));
    await upsertRecord('teams', newId(), teamFields(), db);
    await upsertRecord('teams', newId(), { name: '' } as never, db).catch(() => undefined);
    off();
    await upsertRecord('teams', newId(), teamFields(), db);
    expect(calls).toHaveLength(1);
  });
});

describe('eraseCandidate', () => {
  /** A candidate already on the server, and a phone number added here and not yet pushed. */
  async function syncedWithPendingPhone(): Promise<{ server: FakeServer; appId: string }> {
    const server = new FakeServer();
    const appId = newId();
    await upsertRecord('applications', appId, applicationFields(), db);
    await pushOutbox(db, endpointOf(server), server.fetch);
    await upsertRecord('applications', appId, { phone: '07700 900777' }, db);
    return { server, appId };
  }

  async function candidate(): Promise<{ appId: string; eventId: string; checkId: string }> {
    const appId = newId();
    await upsertRecord('applications', appId, applicationFields({ source: 'referral', referrer: 'Pat Referrer', atsUrl: 'https://ats.example/1' }), db);
    const eventId = newId();
    await appendStageEvent({ id: eventId, applicationId: appId, stage: 'shortlisted', at: '2026-03-02T10:00:00Z', by: 'u', note: 'called Sam at home' }, db);
    const checkId = newId();
    await upsertRecord('checks', checkId, { applicationId: appId, kind: 'references', note: 'Sam said the referee is her aunt' }, db);
    return { appId, eventId, checkId };
  }

  it('nulls the personal fields locally, scrubs notes, strips pending upserts and queues an erase', async () => {
    const { appId, eventId, checkId } = await candidate();
    await upsertRecord('applications', appId, { phone: '07700 900555', yearsQualified: 7 }, db);
    await eraseCandidate(appId, db);
    const app = (await db.applications.get(appId)) as Application;
    for (const f of PERSONAL_FIELDS) expect(app[f] ?? null).toBeNull();
    expect(app).toMatchObject({ erased: true, yearsQualified: 7, source: 'referral', receivedDate: '2026-03-02' });
    expect((await db.stage_events.get(eventId))!.note).toBeNull();
    expect((await db.checks.get(checkId))!.note).toBeNull();
    const entries = await outbox(db);
    const text = JSON.stringify(entries);
    for (const secret of ['Sam Candidate', 'sam@example.org', '07700 900', 'Pat Referrer', 'ATS-1', 'https://ats.example/1']) expect(text).not.toContain(secret);
    expect(entries.at(-1)!.mutation).toMatchObject({ table: 'applications', op: 'erase', recordId: appId });
    expect(entries.find((e) => e.mutation.fields?.yearsQualified === 7)).toBeDefined();
  });

  it('pending notes of the candidate\'s stage events and checks are not sent either', async () => {
    const server = new FakeServer();
    const { appId, checkId } = await candidate();
    await pushOutbox(db, endpointOf(server), server.fetch);
    // Offline: a new event with a note, and a note added to a check already on the server.
    await appendStageEvent({ id: newId(), applicationId: appId, stage: 'interview_booked', at: '2026-03-03T10:00:00Z', by: 'u', note: 'Sam needs a step-free room' }, db);
    await upsertRecord('checks', checkId, { note: 'Sam\'s DBS shows a caution' }, db);
    await eraseCandidate(appId, db);
    expect(JSON.stringify(await outbox(db))).not.toContain('Sam');
    await pushOutbox(db, endpointOf(server), server.fetch);
    expect(JSON.stringify(server.pushes().slice(1))).not.toContain('Sam');
    expect(await db.refused.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(server.record('checks', checkId)).toMatchObject({ note: null });
  });

  it('an edit already sent (response lost) and then emptied by the erasure keeps its seq: the erasure is not taken for a replay', async () => {
    const { server, appId } = await syncedWithPendingPhone();
    server.failNext({ kind: 'drop-after' }, 'push');
    await expect(pushOutbox(db, endpointOf(server), server.fetch)).rejects.toThrow();
    await eraseCandidate(appId, db);
    await pushOutbox(db, endpointOf(server), server.fetch);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.refused.count()).toBe(0);
    expect(server.record('applications', appId)).toMatchObject({ erased: true, name: null, phone: null, email: null });
  });

  it('a pending edit of personal fields only does not turn into an empty upsert the server refuses', async () => {
    const { server, appId } = await syncedWithPendingPhone();
    await eraseCandidate(appId, db);
    for (const e of await outbox(db)) if (e.mutation.op === 'upsert') expect(Object.keys(e.mutation.fields ?? {})).not.toHaveLength(0);
    await pushOutbox(db, endpointOf(server), server.fetch);
    expect(await db.refused.toArray()).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
    expect(server.record('applications', appId)).toMatchObject({ erased: true, name: null, phone: null });
  });
});
