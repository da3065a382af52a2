import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { todayInLondon } from '#shared/calendar';
import { generateDemoCouncil } from '#demo/index';
import type { ShortlistDb } from '@/db/database';
import { dispatch } from '@/messages/router';
import { keptSummary, summaryComputation, summaryKey } from '@/overlay/background/summary-cache';
import type { FrameView } from '@/overlay/views';
import { frame, open, own, reader, startOverlayBackground } from './background-harness';

/**
 * The summary the content script draws before the frame: it comes with the session, for a
 * tracked advert only, looked up at the tab's real URL, and carries counts, never a candidate.
 */
const demo = generateDemoCouncil({ asOf: todayInLondon(new Date()) });
const { priya, untrackedAdvert } = demo.journeys;
const advertPage = { kind: 'advert', site: 'communitycare', title: 'Children in care', expired: false };

/** Every candidate's words the demo holds: names, emails, ATS references, notes. */
const candidateWords = [
  ...demo.records.applications.flatMap((a) => [a.name, a.email, a.atsReference].filter((w): w is string => typeof w === 'string' && w.length > 3)),
  ...demo.records.stage_events.flatMap((e) => (typeof e.note === 'string' && e.note.length > 3 ? [e.note] : [])),
];

let n = 0;
let db: ShortlistDb;
beforeEach(async () => {
  db = await startOverlayBackground(`overlay-open-summary-${n++}`, demo);
});

describe('the summary in overlay:open', () => {
  it("gives a tracked advert's counts as the frame shows them, and nothing of any candidate", async () => {
    const opened = await open(reader(3, priya.advertUrl), advertPage);
    const reply = await dispatch({ type: 'overlay:view', session: opened.session }, frame(3, priya.advertUrl), own);
    const view = (reply as { data: FrameView }).data.view;
    if (!('advert' in view) || !view.advert.tracked) throw new Error('the demo advert is tracked');
    expect(opened.summary).toEqual({
      vacancy: { title: view.advert.vacancy.title, posts: view.advert.vacancy.posts, status: view.advert.vacancy.status, mode: view.advert.vacancy.mode, closingDate: view.advert.vacancy.closingDate },
      counts: view.advert.counts,
      total: 14,
      overdue: view.advert.overdue.length,
      dueNext: view.advert.next.length,
    });
    expect(opened.summary!.overdue).toBeGreaterThan(0);
    const said = JSON.stringify(opened);
    expect(candidateWords.length).toBeGreaterThan(20);
    for (const word of candidateWords) expect(said).not.toContain(word);
    // The frame's view lists people by name and id: none of them is in the summary.
    expect(view.advert.overdue.length + view.advert.next.length).toBeGreaterThan(2);
    for (const item of [...view.advert.overdue, ...view.advert.next]) {
      expect(said).not.toContain(item.name);
      expect(said).not.toContain(item.applicationId);
    }
  });

  it('decides from the tab’s URL: the same words on a page the council does not track give no summary', async () => {
    const elsewhere = await open(reader(4, 'https://jobs.communitycare.co.uk/job/1/somewhere-else/'), advertPage);
    expect(elsewhere.summary).toBeUndefined();
    const untracked = await open(reader(5, `https://jobs.communitycare.co.uk/job/${untrackedAdvert.externalId}/assessment/`), { ...advertPage, externalId: untrackedAdvert.externalId });
    expect(untracked.summary).toBeUndefined();
  });

  it('gives candidate pages and listings no summary (a candidate page stays frame-only)', async () => {
    const known = demo.records.applications.find((a) => a.id === priya.awaiting[0])!;
    const url = `http://careers.wessexborough.example.org/ats/candidate/${known.atsReference}`;
    const candidate = await open(reader(2, url), { kind: 'candidate', site: 'taught', name: known.name, reference: known.atsReference });
    expect(candidate).toEqual({ session: candidate.session, placement: candidate.placement, badges: [] });
    const listing = await open(reader(6, 'https://jobs.communitycare.co.uk/jobs/'), { kind: 'advert-list', site: 'communitycare', items: [{ externalId: priya.externalId, href: priya.advertUrl }] });
    expect(listing.summary).toBeUndefined();
  });

  it('keeps the summary warm for the next visit, and forgets it at the first write to the database', async () => {
    const key = summaryKey(priya.advertUrl, advertPage as never);
    expect(keptSummary(key)).toBeUndefined();
    const first = await open(reader(3, priya.advertUrl), advertPage);
    expect(keptSummary(key)?.summary).toEqual(first.summary);
    expect((await open(reader(3, priya.advertUrl), advertPage)).summary).toEqual(first.summary);
    // A new applicant (a write, as a pull or the workspace would make): the next visit counts it.
    const one = demo.records.applications.find((a) => a.vacancyId === priya.vacancyId)!;
    await db.applications.put({ ...one, id: '019a0000-0000-7000-8000-0000000000c1', name: 'New Person', email: 'new.person@example.org', atsReference: 'NEW-1' });
    expect(keptSummary(key)).toBeUndefined();
    expect((await open(reader(3, priya.advertUrl), advertPage)).summary?.total).toBe(15);
  });

  it('answers a visit with a kept summary before any of the view\'s lookups, and the frame still gets that view warm', async () => {
    const first = await open(reader(3, priya.advertUrl), advertPage);
    const lookups = vi.spyOn(db.adverts, 'where');
    try {
      const again = await open(reader(3, priya.advertUrl), advertPage);
      expect(again.summary).toEqual(first.summary);
      // The frame's view (its lookups compete with the answer on the worker's one thread) starts once the answer is out.
      expect(lookups).not.toHaveBeenCalled();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(lookups).toHaveBeenCalled();
      const reply = await dispatch({ type: 'overlay:view', session: again.session }, frame(3, priya.advertUrl), own);
      const view = (reply as { data: FrameView }).data.view;
      expect('advert' in view && view.advert.tracked && view.advert.counts).toEqual(first.summary!.counts);
      // Taken warm: looked up once for the answer's session, not again for the frame.
      expect(lookups.mock.calls.length).toBe(1);
    } finally {
      lookups.mockRestore();
    }
  });

  it('keeps nothing computed from reads older than a write, nor anything past five minutes', async () => {
    const racing = summaryComputation('page-a');
    await db.rota_slots.toArray();
    await db.meta.put({ key: 'unrelated', value: 1 } as never);
    racing.keep(undefined);
    expect(keptSummary('page-a')).toBeUndefined();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      summaryComputation('page-b').keep(undefined);
      vi.advanceTimersByTime(4 * 60_000);
      expect(keptSummary('page-b')).toMatchObject({ summary: undefined });
      vi.advanceTimersByTime(2 * 60_000);
      expect(keptSummary('page-b')).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
