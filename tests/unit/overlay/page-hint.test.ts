import '../extension/globals';
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { todayInLondon } from '#shared/calendar';
import { generateDemoCouncil } from '#demo/index';
import type { ShortlistDb } from '@/db/database';
import { injectOverlay, OVERLAY_SCRIPT } from '@/overlay/background/inject-overlay';
import { leaveHint, takeHint, type PageHint } from '@/overlay/page-hint';
import { savePlacement } from '@/overlay/placement';
import { open, reader, startOverlayBackground } from './background-harness';

/**
 * The counts handed to a page with the overlay's script (overlay/page-hint.ts): only a tracked
 * advert's summary kept for the tab's URL, only while it is good, with the placement the
 * person left; and the content script takes it only for that URL and that advert.
 */
const demo = generateDemoCouncil({ asOf: todayInLondon(new Date()) });
const { priya, untrackedAdvert } = demo.journeys;
const advertPage = { kind: 'advert', site: 'communitycare', title: 'Children in care', expired: false };

let n = 0;
let db: ShortlistDb;
let executeScript: ReturnType<typeof vi.spyOn>;
beforeEach(async () => {
  db = await startOverlayBackground(`overlay-page-hint-${n++}`, demo);
  executeScript = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
});
afterEach(() => {
  vi.restoreAllMocks();
  delete (globalThis as { shortlistHint?: unknown }).shortlistHint;
});

/** The hints an injection handed over, in call order, and whether the script itself came after them. */
function injected(): { hints: PageHint[]; scriptLast: boolean } {
  const calls = (executeScript.mock.calls as unknown as [{ func?: unknown; args?: PageHint[]; files?: string[] }][]).map(([options]) => options);
  return {
    hints: calls.flatMap((c) => (c.func ? c.args! : [])),
    scriptLast: calls.at(-1)?.files?.[0] === OVERLAY_SCRIPT && calls.filter((c) => c.files).length === 1,
  };
}

describe('the hint an injection hands over', () => {
  it('is the kept summary of the tracked advert at the tab’s URL (fragment aside) with the site’s placement, sent ahead of the script', async () => {
    await injectOverlay(3, priya.advertUrl);
    expect(injected()).toEqual({ hints: [], scriptLast: true });
    const opened = await open(reader(3, priya.advertUrl), advertPage);
    expect(opened.summary).toBeDefined();
    executeScript.mockClear();
    await injectOverlay(3, `${priya.advertUrl}#apply`);
    const { hints, scriptLast } = injected();
    expect(scriptLast).toBe(true);
    expect(hints).toEqual([{ url: priya.advertUrl, page: JSON.stringify(advertPage), summary: opened.summary, placement: opened.placement }]);
    // Run where the script will run: the content script finds it for this URL and advert only.
    leaveHint(hints[0]!);
    expect(takeHint(`${priya.advertUrl}#top`, { site: 'communitycare' })).toEqual(hints[0]);
  });

  it('is nothing for an untracked advert, another URL, or once the database has changed', async () => {
    await open(reader(4, `https://jobs.communitycare.co.uk/job/${untrackedAdvert.externalId}/assessment/`), { ...advertPage, externalId: untrackedAdvert.externalId });
    await injectOverlay(4, `https://jobs.communitycare.co.uk/job/${untrackedAdvert.externalId}/assessment/`);
    await open(reader(3, priya.advertUrl), advertPage);
    await injectOverlay(3, 'https://jobs.communitycare.co.uk/job/1/somewhere-else/');
    await injectOverlay(3); // "Enable Shortlist on this site": no URL, no hint
    expect(injected().hints).toEqual([]);
    await db.meta.put({ key: 'a-write', value: 1 } as never);
    await injectOverlay(3, priya.advertUrl);
    expect(injected().hints).toEqual([]);
  });

  it('carries the placement the person saved since, not the one read before', async () => {
    const opened = await open(reader(3, priya.advertUrl), advertPage);
    const moved = { right: 200, bottom: 40, collapsed: true };
    await savePlacement(new URL(priya.advertUrl).host, moved);
    await vi.waitFor(async () => {
      executeScript.mockClear();
      await injectOverlay(3, priya.advertUrl);
      expect(injected().hints.map((h) => h.placement)).toEqual([moved]);
    });
    expect(opened.placement).not.toEqual(moved);
    // And the next session is answered with it too.
    expect((await open(reader(3, priya.advertUrl), advertPage)).placement).toEqual(moved);
  });
});

describe('taking the hint in the page', () => {
  const hint: PageHint = {
    url: 'https://jobs.communitycare.co.uk/job/42/social-worker/',
    page: JSON.stringify({ kind: 'advert', site: 'communitycare', title: 'Social worker', externalId: '42', expired: false }),
    summary: { vacancy: { title: 'Social Worker', posts: 1, status: 'open', mode: 'rolling', closingDate: null }, counts: { applied: 2 }, total: 2, overdue: 0, dueNext: 1 },
    placement: { right: 16, bottom: 16, collapsed: false },
  };

  it('takes it once, for the URL and the advert it was left for', () => {
    leaveHint(hint);
    expect(takeHint(`${hint.url}#details`, { site: 'communitycare', externalId: '42' })).toEqual(hint);
    expect(takeHint(hint.url, { site: 'communitycare', externalId: '42' })).toBeUndefined();
  });

  it('leaves it unused for another URL, another advert on the same URL, or a hint it cannot read', () => {
    for (const [href, advert] of [
      ['https://jobs.communitycare.co.uk/job/43/social-worker/', { site: 'communitycare', externalId: '42' }],
      [hint.url, { site: 'communitycare', externalId: '43' }],
      [hint.url, { site: 'communitycare', externalId: '42', reference: 'REF-1' }],
      [hint.url, { site: 'indeed', externalId: '42' }],
    ] as const) {
      leaveHint(hint);
      expect(takeHint(href, advert)).toBeUndefined();
    }
    leaveHint({ ...hint, page: '{not json' });
    expect(takeHint(hint.url, { site: 'communitycare', externalId: '42' })).toBeUndefined();
    expect(takeHint(hint.url, { site: 'communitycare', externalId: '42' })).toBeUndefined();
  });
});
