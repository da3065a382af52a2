import { applicationFields, endpointOf, freshDb, newId, resetBrowserAndServer, syncVia } from './helpers';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from '#imports';
import type { ShortlistDb } from '@/db/database';
import { appendStageEvent, deleteRecord, eraseCandidate, upsertRecord } from '@/db/writes';
import { storeConflicts } from '@/sync/conflicts';
import { pushOutbox } from '@/sync/push';
import { FakeServer } from './fake-server';
import { everythingStored } from './privacy-support';

let server: FakeServer;
/** The browser under test, and a colleague's, both of the same organisation. */
let mine: ShortlistDb;
let theirs: ShortlistDb;

const sync = (d: ShortlistDb) => syncVia(server, d);

const SAM = { name: 'Sam Candidate', email: 'sam@example.org', phone: '07700 900123', teamPreference: 'near the coast', atsReference: 'OL-555' };
const PERSONAL = ['Sam Candidate', 'sam@example.org', '07700 900', 'near the coast', 'OL-555', 'moving house', 'referee is away', 'sam.old@example.org'];

/**
 * A candidate the colleague added (with a stage note and a check note), synced to both browsers;
 * in mine also a refused edit of theirs, a conflict and a notification naming them.
 */
async function candidateEverywhere(): Promise<string> {
  const a = newId();
  await upsertRecord('applications', a, applicationFields(SAM), theirs);
  await appendStageEvent({ id: newId(), applicationId: a, stage: 'shortlisted', at: '2026-03-02T10:00:00Z', by: 'u', note: 'Sam is moving house' }, theirs);
  await upsertRecord('checks', newId(), { applicationId: a, kind: 'references', note: "Sam's referee is away" }, theirs);
  await sync(theirs);
  await sync(mine);

  await upsertRecord('applications', a, { phone: '07700 900999' }, mine);
  const [edit] = await mine.outbox.toArray();
  server.refuseMutation(edit!.mutation.id, ['phone: refused by the test']);
  await pushOutbox(mine, endpointOf(server), server.fetch);
  expect(await mine.refused.count()).toBe(1);
  await storeConflicts(mine, [
    { table: 'applications', recordId: a, field: 'email', losingValue: 'sam.old@example.org', winningValue: 'sam@example.org', losingHlc: '1767225600000:000000:x', winningHlc: '1767225600001:000000:y' },
    { table: 'applications', recordId: a, field: 'assignedTo', losingValue: 'user-1', winningValue: 'user-2', losingHlc: '1767225600000:000000:x', winningHlc: '1767225600001:000000:y' },
  ]);
  await browser.notifications.create(`overdue:${a}:shortlisting_decision`, { type: 'basic', iconUrl: 'x', title: 'Shortlisting decision overdue', message: 'Sam Candidate, Social worker' });
  for (const text of PERSONAL.slice(0, 7)) expect(await everythingStored(mine)).toContain(text);
  return a;
}

const shown = async () => Object.keys(await browser.notifications.getAll());

beforeEach(() => {
  server = resetBrowserAndServer();
  theirs = freshDb('erasure-theirs');
  mine = freshDb('erasure-mine');
});

describe('erasure everywhere, in the browser', () => {
  it('an erasure pulled from the server leaves nothing personal of the candidate in either browser', async () => {
    const a = await candidateEverywhere();
    const bystander = newId();
    await upsertRecord('applications', bystander, applicationFields({ name: 'Bea Bystander', email: 'bea@example.org', phone: '01632 960001', atsReference: 'OL-777' }), theirs);
    await browser.notifications.create(`overdue:${bystander}:shortlisting_decision`, { type: 'basic', iconUrl: 'x', title: 'Overdue', message: 'Bea Bystander' });

    await eraseCandidate(a, theirs);
    await sync(theirs);
    await sync(mine);

    for (const browserDb of [mine, theirs]) {
      const stored = await everythingStored(browserDb);
      for (const text of PERSONAL) expect(stored, `${browserDb.name} still holds "${text}"`).not.toContain(text);
      expect(stored).toContain('Bea Bystander');
      expect(await browserDb.applications.get(a)).toMatchObject({ erased: true, name: null, email: null, source: 'community_care' });
    }
    // The conflict of a critical field (no personal data) stays for a person to settle.
    expect((await mine.conflicts.toArray()).map((c) => c.field)).toEqual(['assignedTo']);
    // A refused edit of personal fields only has nothing left to show.
    expect(await mine.refused.count()).toBe(0);
    expect(await shown()).toEqual([`overdue:${bystander}:shortlisting_decision`]);
  });

  it('a local erasure does the same at once, before any sync', async () => {
    const a = await candidateEverywhere();
    await eraseCandidate(a, mine);
    const stored = await everythingStored(mine);
    for (const text of PERSONAL) expect(stored).not.toContain(text);
    expect(await shown()).toEqual([]);
  });

  it('a deletion pulled from the server scrubs its refused edits and conflicts, and takes back its notifications', async () => {
    const a = await candidateEverywhere();
    await deleteRecord('applications', a, theirs);
    await sync(theirs);
    await sync(mine);
    expect(await mine.applications.get(a)).toBeUndefined();
    expect(await mine.server_views.get(['applications', a])).toBeUndefined();
    // The refused edit stays listed (nothing is lost silently), without the phone number it carried.
    expect((await mine.refused.toArray()).map((e) => e.mutation.fields)).toEqual([{}]);
    expect((await mine.conflicts.toArray()).map((c) => c.field)).toEqual(['assignedTo']);
    expect(await shown()).toEqual([]);
    // Deleted is scrubbed like erased: the server took the notes of its stage events and checks too.
    for (const browserDb of [mine, theirs]) {
      const stored = await everythingStored(browserDb);
      for (const text of PERSONAL) expect(stored, `${browserDb.name} still holds "${text}"`).not.toContain(text);
    }
  });
});
