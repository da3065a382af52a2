import { applicationFields, colleagueAndMine, endpointOf, newId, syncVia } from './helpers';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '#imports';
import { DEFAULT_SETTINGS, type StageEvent } from '#shared/schema/index';
import type { ShortlistDb } from '@/db/database';
import { eraseExpiredLocally, RETENTION_ALARM, startLocalRetention } from '@/db/retention';
import { META, writeMeta } from '@/db/meta';
import { appendStageEvent, upsertRecord } from '@/db/writes';
import { FakeServer } from './fake-server';
import { everythingStored, notifyOverdue } from './privacy-support';

let server: FakeServer;
let colleague: ShortlistDb;
let offline: ShortlistDb;

const sync = (d: ShortlistDb) => syncVia(server, d);

const event = (applicationId: string, stage: StageEvent['stage'], at: string, note: string): StageEvent => ({
  id: newId(),
  applicationId,
  stage,
  at,
  by: 'u',
  note,
  ...(stage === 'withdrawn' ? { reason: 'took_another_job' as const } : {}),
});

/** Two candidates the colleague recorded: one withdrew on 2 March 2026, one is still open. */
async function twoCandidates() {
  const gone = newId();
  const open = newId();
  await upsertRecord('applications', gone, applicationFields({ name: 'Wyn Withdrawn', email: 'wyn@example.org', phone: '01632 960111', teamPreference: 'court team' }), colleague);
  await appendStageEvent(event(gone, 'withdrawn', '2026-03-02T11:00:00Z', 'Wyn took a job in Leeds'), colleague);
  await upsertRecord('applications', open, applicationFields({ name: 'Orla Open', email: 'orla@example.org' }), colleague);
  await sync(colleague);
  await sync(offline);
  return { gone, open };
}

beforeEach(() => {
  ({ server, colleague, mine: offline } = colleagueAndMine('retention-offline'));
});

describe('a browser offline past a retention date', () => {
  it("erases the candidate's personal data on its own, from every table, and keeps the rest", async () => {
    const { gone, open } = await twoCandidates();
    await notifyOverdue(gone, 'Wyn Withdrawn', 'interview_booking');
    // Not yet: 2 March + 6 months = 2 September.
    expect(await eraseExpiredLocally(offline, DEFAULT_SETTINGS, new Date('2026-09-01T12:00:00Z'))).toEqual([]);
    expect(await everythingStored(offline)).toContain('Wyn Withdrawn');

    expect(await eraseExpiredLocally(offline, DEFAULT_SETTINGS, new Date('2026-09-02T08:00:00Z'))).toEqual([gone]);
    const stored = await everythingStored(offline);
    for (const text of ['Wyn Withdrawn', 'wyn@example.org', '01632 960111', 'court team', 'Leeds']) expect(stored).not.toContain(text);
    expect(stored).toContain('Orla Open');
    expect(await offline.applications.get(gone)).toMatchObject({ erased: true, name: null, source: 'community_care' });
    expect(await offline.stage_events.where('applicationId').equals(gone).toArray()).toEqual([expect.objectContaining({ stage: 'withdrawn', reason: 'took_another_job', note: null })]);
    expect(Object.keys(await browser.notifications.getAll())).toEqual([]);
    // Local only: nothing is pushed (the server erases on its own schedule).
    expect(await offline.outbox.count()).toBe(0);
    expect(await offline.applications.get(open)).toMatchObject({ name: 'Orla Open' });
  });

  it('stays erased when it comes back online before the server has erased', async () => {
    const { gone } = await twoCandidates();
    await eraseExpiredLocally(offline, DEFAULT_SETTINGS, new Date('2026-09-03T08:00:00Z'));
    // The colleague edits the application meanwhile: the pull brings the server's record, name and all.
    await upsertRecord('applications', gone, { assignedTo: 'user-alice' }, colleague);
    await sync(colleague);
    await sync(offline);
    expect(await offline.applications.get(gone)).toMatchObject({ erased: true, name: null, assignedTo: 'user-alice' });
    expect(await everythingStored(offline)).not.toMatch(/Wyn Withdrawn|wyn@example\.org/);
  });

  it("trusts the server once it has synced after the server's run had its chance", async () => {
    const { gone } = await twoCandidates();
    // Synced on 5 September and the server still sent the candidate: a longer period was set since.
    await writeMeta(offline, META.lastSyncedAt, '2026-09-05T09:00:00Z');
    expect(await eraseExpiredLocally(offline, DEFAULT_SETTINGS, new Date('2026-10-01T08:00:00Z'))).toEqual([]);
    // Last synced on 3 September, a day after the date: the server's run may not have reached it yet.
    await writeMeta(offline, META.lastSyncedAt, '2026-09-03T09:00:00Z');
    expect(await eraseExpiredLocally(offline, DEFAULT_SETTINGS, new Date('2026-10-01T08:00:00Z'))).toEqual([gone]);
  });

  it('keeps everything when the organisation keeps (0 months)', async () => {
    await twoCandidates();
    expect(await eraseExpiredLocally(offline, { ...DEFAULT_SETTINGS, retentionMonths: 0 }, new Date('2030-01-01T08:00:00Z'))).toEqual([]);
    expect(await everythingStored(offline)).toContain('Wyn Withdrawn');
  });

  it('runs at start-up and registers a daily alarm that runs it again', async () => {
    const { gone } = await twoCandidates();
    vi.useFakeTimers({ now: new Date('2026-12-01T09:00:00Z'), toFake: ['Date'] });
    try {
      let asked = 0;
      startLocalRetention(async () => (asked++, DEFAULT_SETTINGS));
      await vi.waitFor(async () => expect((await offline.applications.get(gone))?.erased).toBe(true));
      const alarm = await vi.waitFor(async () => (await browser.alarms.get(RETENTION_ALARM))!);
      expect(alarm.periodInMinutes).toBe(24 * 60);
      await fakeBrowser.alarms.onAlarm.trigger(alarm);
      await vi.waitFor(() => expect(asked).toBe(2));
    } finally {
      vi.useRealTimers();
    }
  });
});
