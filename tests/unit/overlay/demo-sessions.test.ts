import './demo-build-globals';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { todayInLondon } from '#shared/calendar';
import { generateDemoCouncil } from '#demo/index';
import type { ShortlistDb } from '@/db/database';
import { dispatch } from '@/messages/router';
import { BUILD_DEMO_ORIGIN, demoUrlOf } from '@/overlay/demo-url';
import type { FrameView } from '@/overlay/views';
import { trackSessionAdvert } from '@/overlay/frame/actions';
import { askAs, frame, open, own, reader, startOverlayBackground } from './background-harness';

/**
 * The background of a demo build (WXT_DEMO_ORIGIN): a localhost demo page is looked up and
 * stored at the real URL it stands for, derived from the tab's URL by the same rule the content
 * script reads it with; frames are still answered only while their tab shows that same page.
 * (Production builds: sessions.test.ts, where no demo origin is defined.)
 */
const demo = generateDemoCouncil({ asOf: todayInLondon(new Date()) });
const { priya, untrackedAdvert } = demo.journeys;

let db: ShortlistDb;
let n = 0;
beforeEach(async () => {
  db = await startOverlayBackground(`overlay-demo-sessions-${n++}`, demo);
});

describe('overlay sessions in a demo build', () => {
  it('is a demo build', () => expect(BUILD_DEMO_ORIGIN).toBe('http://localhost:8790'));

  it("looks a localhost demo page up at the real URL it stands for (the tab's URL, mapped), placement kept per tab host", async () => {
    const demoUrl = demoUrlOf(priya.advertUrl, BUILD_DEMO_ORIGIN);
    expect(demoUrl).toMatch(/^http:\/\/localhost:8790\/jobs\.communitycare\.co\.uk\/job\//);
    // No job id from the page: found by the URL alone.
    const { session } = await open(reader(3, demoUrl), { kind: 'advert', site: 'communitycare', title: 'Children in care', expired: false });
    const reply = await dispatch({ type: 'overlay:view', session }, frame(3, `${demoUrl}#apply`), own);
    expect(reply.ok).toBe(true);
    const view = (reply as { data: FrameView }).data;
    expect(view.page.url).toBe(priya.advertUrl);
    expect(view.host).toBe('localhost:8790');
    expect('advert' in view.view && view.view.advert.tracked && view.view.advert.total).toBe(14);
  });

  it('still answers a frame only while its tab shows the same localhost page, not the real page it stands for', async () => {
    const demoUrl = demoUrlOf(priya.advertUrl, BUILD_DEMO_ORIGIN);
    const { session } = await open(reader(3, demoUrl), { kind: 'advert', site: 'communitycare', title: 'Children in care', expired: false });
    expect(await dispatch({ type: 'overlay:view', session }, frame(3, priya.advertUrl), own)).toMatchObject({ ok: false, error: expect.stringContaining('this overlay belongs to another page') });
    expect(await dispatch({ type: 'overlay:view', session }, frame(3, `${BUILD_DEMO_ORIGIN}/jobs.communitycare.co.uk/job/1/other/`), own)).toMatchObject({ ok: false });
  });

  it('tracks a localhost demo advert at its real URL, whatever the frame claims', async () => {
    const real = `https://jobs.communitycare.co.uk/job/${untrackedAdvert.externalId}/assessment/`;
    const demoUrl = demoUrlOf(real, BUILD_DEMO_ORIGIN);
    const page = { kind: 'advert', site: 'communitycare', title: 'Senior Social Worker', externalId: untrackedAdvert.externalId, expired: false };
    const { session } = await open(reader(9, demoUrl), page);
    const { advertId } = await trackSessionAdvert(session, { vacancyId: untrackedAdvert.vacancyId, url: 'https://evil.example/' } as never, askAs(frame(9, demoUrl)), db);
    expect(await db.adverts.get(advertId)).toMatchObject({ url: real, externalId: untrackedAdvert.externalId, vacancyId: untrackedAdvert.vacancyId });
  });

  it('takes a URL that is not a demo page as it is (another origin, a path that names no host)', async () => {
    const other = `${BUILD_DEMO_ORIGIN}/ats/candidate/TP-1`;
    const { session } = await open(reader(4, other), { kind: 'candidate', site: 'taught', name: 'A Person', reference: 'TP-1' });
    const view = (await dispatch({ type: 'overlay:view', session }, frame(4, other), own)) as { ok: true; data: FrameView };
    expect(view.data.page.url).toBe(other);
  });
});
