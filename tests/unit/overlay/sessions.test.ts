import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { todayInLondon } from '#shared/calendar';
import { generateDemoCouncil } from '#demo/index';
import type { ShortlistDb } from '@/db/database';
import { dispatch } from '@/messages/router';
import type { FrameView } from '@/overlay/views';
import { captureSessionCandidate, moveSessionCandidate, trackSessionAdvert } from '@/overlay/frame/actions';
import { askAs, frame, open, own, reader, startOverlayBackground } from './background-harness';

/**
 * The background's half of the overlay: sessions opened by the page reader, answered to the
 * overlay frame of the same tab only, and every lookup and change made at the tab's real URL.
 */
const demo = generateDemoCouncil({ asOf: todayInLondon(new Date()) });
const { priya, untrackedAdvert } = demo.journeys;

let db: ShortlistDb;
let n = 0;
beforeEach(async () => {
  db = await startOverlayBackground(`overlay-sessions-${n++}`, demo);
});

const untrackedPage = { kind: 'advert', site: 'communitycare', title: 'Senior Social Worker', externalId: untrackedAdvert.externalId, expired: false };

describe('overlay sessions', () => {
  it("shows the frame its tab's page: at the tab's real URL, never one the page claims", async () => {
    const { session } = await open(reader(3, priya.advertUrl), { kind: 'advert', site: 'communitycare', title: 'Children in care', expired: false });
    expect(session).toMatch(/^[0-9a-f]{32}$/);
    const reply = await dispatch({ type: 'overlay:view', session }, frame(3, `${priya.advertUrl}#apply`), own);
    expect(reply.ok).toBe(true);
    const view = (reply as { data: FrameView }).data;
    expect(view.page.url).toBe(priya.advertUrl);
    expect(view.host).toBe(new URL(priya.advertUrl).host);
    // Found by the tab's URL alone (the page gave no job id): Priya's vacancy.
    expect('advert' in view.view && view.view.advert.tracked && view.view.advert.total).toBe(14);
  });

  it('answers no frame of another tab, nor of the same tab once it shows another page, nor a frame with no session', async () => {
    const { session } = await open(reader(3, priya.advertUrl), untrackedPage);
    expect(await dispatch({ type: 'overlay:view', session }, frame(4, priya.advertUrl), own)).toMatchObject({ ok: false, error: expect.stringContaining('this overlay belongs to another page') });
    expect(await dispatch({ type: 'overlay:view', session }, frame(3, 'https://jobs.communitycare.co.uk/job/1/other/'), own)).toMatchObject({ ok: false, error: expect.stringContaining('this overlay belongs to another page') });
    // A page that frames overlay.html itself has no session to give it.
    expect(await dispatch({ type: 'overlay:view', session: '0'.repeat(32) }, frame(3, priya.advertUrl), own)).toMatchObject({ ok: false, error: expect.stringContaining('expired') });
    // The page reader itself is never shown candidate data, even with the session id.
    expect(await dispatch({ type: 'overlay:view', session }, reader(3, priya.advertUrl), own)).toMatchObject({ ok: false, error: expect.stringContaining('only be asked by Shortlist') });
    // A newer page in the tab ends the tab's older session.
    const second = await open(reader(3, priya.advertUrl), untrackedPage);
    expect(await dispatch({ type: 'overlay:view', session }, frame(3, priya.advertUrl), own)).toMatchObject({ ok: false });
    expect(await dispatch({ type: 'overlay:view', session: second.session }, frame(3, priya.advertUrl), own)).toMatchObject({ ok: true });
  });

  it('tracks the advert at the tab’s URL with the facts the page reader gave, whatever the frame could add', async () => {
    const url = `https://jobs.communitycare.co.uk/job/${untrackedAdvert.externalId}/assessment/`;
    const { session } = await open(reader(9, url), untrackedPage);
    const choice = { vacancyId: untrackedAdvert.vacancyId, url: 'https://evil.example/' };
    const { advertId } = await trackSessionAdvert(session, choice, askAs(frame(9, url)), db);
    expect(await db.adverts.get(advertId)).toMatchObject({ url, board: 'Community Care Jobs', externalId: untrackedAdvert.externalId, vacancyId: untrackedAdvert.vacancyId });
    // Once the tab shows another page, the background refuses the session, and nothing is written.
    const before = await db.adverts.count();
    await expect(trackSessionAdvert(session, choice, askAs(frame(9, 'https://jobs.communitycare.co.uk/job/1/other/')), db)).rejects.toThrow('this overlay belongs to another page');
    expect(await db.adverts.count()).toBe(before);
  });

  it('moves only the candidate the session shows', async () => {
    const known = demo.records.applications.find((a) => a.id === priya.awaiting[0])!;
    const url = `http://careers.wessexborough.example.org/ats/candidate/${known.atsReference}`;
    const { session } = await open(reader(2, url), { kind: 'candidate', site: 'taught', name: known.name, reference: known.atsReference });
    const view = await dispatch({ type: 'overlay:view', session }, frame(2, url), own);
    expect(view).toMatchObject({ ok: true, data: { view: { candidate: { tracked: true, applicationId: known.id } } } });
    const other = priya.awaiting[1]!;
    await expect(moveSessionCandidate(session, { applicationId: other, stage: 'shortlisted' }, askAs(frame(2, url)), db)).rejects.toThrow('This overlay does not show that candidate');
    expect(await moveSessionCandidate(session, { applicationId: known.id, stage: 'shortlisted' }, askAs(frame(2, url)), db)).toEqual({ stage: 'shortlisted' });
    // Capture is for candidate pages only: an advert's session captures nobody.
    const advertSession = (await open(reader(3, priya.advertUrl), untrackedPage)).session;
    const capture = { vacancyId: priya.vacancyId, name: 'Sam Example', source: 'other_board', experience: 'experienced' } as const;
    await expect(captureSessionCandidate(advertSession, capture, askAs(frame(3, priya.advertUrl)), db)).rejects.toThrow('This overlay shows no candidate');
  });

  it('the frame’s writes are not messages: the background answers no track, capture, move or teams request', async () => {
    const { session } = await open(reader(9, priya.advertUrl), untrackedPage);
    for (const type of ['overlay:track', 'overlay:capture', 'overlay:move', 'overlay:teams']) {
      expect(await dispatch({ type, session, vacancyId: untrackedAdvert.vacancyId }, frame(9, priya.advertUrl), own)).toEqual({ ok: false, error: `Unknown request "${type}"` });
    }
  });

  it("reads and saves taught profiles for the tab's own host only", async () => {
    const url = 'http://careers.wessexborough.example.org/ats/candidate/TP-1';
    const profile = { id: '019a0000-0000-7000-8000-0000000000f1', host: 'careers.wessexborough.example.org', pathPattern: '/ats/candidate/*', kind: 'candidate', fields: { name: '.n', reference: '.r' } };
    expect(await dispatch({ type: 'overlay:saveProfile', profile: { ...profile, host: 'other.example.org' } }, reader(2, url), own)).toMatchObject({ ok: false, error: 'A page can only be taught for its own site' });
    expect(await dispatch({ type: 'overlay:saveProfile', profile }, reader(2, url), own)).toMatchObject({ ok: true });
    expect(await dispatch({ type: 'overlay:profiles', host: 'other.example.org' }, reader(2, url), own)).toMatchObject({ ok: true, data: [expect.objectContaining({ id: profile.id })] });
    expect(await dispatch({ type: 'overlay:profiles' }, reader(2, 'https://other.example.org/x'), own)).toEqual({ ok: true, data: [] });
  });

  it('passes the frame’s layout to the content script of its own tab and frame', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const { session } = await open(reader(6, priya.advertUrl), untrackedPage);
    const layout = { width: 320, height: 200, right: 16, bottom: 16 };
    expect(await dispatch({ type: 'overlay:layout', session, ...layout }, frame(6, priya.advertUrl), own)).toEqual({ ok: true, data: true });
    expect(sendMessage).toHaveBeenCalledWith(6, { type: 'overlay:place', session, ...layout }, { frameId: 0 });
    expect(await dispatch({ type: 'overlay:layout', session, ...layout }, frame(7, priya.advertUrl), own)).toMatchObject({ ok: false });
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });
});
