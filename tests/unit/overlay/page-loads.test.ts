import '../extension/globals';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followOpenTabs, followPageLoads, stepFor } from '@/overlay/background/page-loads';
import { injectOverlay, OVERLAY_SCRIPT } from '@/overlay/background/inject-overlay';
import { dropLegacyRegistration, enableSite, overlayRunsOn } from '@/overlay/background/site-access';
import { MAX_WAIT_FOR_LOAD_MS } from '@/overlay/page-load';

/**
 * How the overlay arrives in a page: the background injects it when the tab has loaded (or has
 * been loading for MAX_WAIT_FOR_LOAD_MS), only on the overlay's sites.
 */
const ADVERT = 'https://jobs.communitycare.co.uk/job/4188275/senior-social-worker/';
const ENABLED = 'https://careers.example-council.gov.uk/vacancy/42';

describe('which pages get the overlay', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The hosts a build with its default server (globals.ts: http://fallback.test) holds, and one a person enabled; matched as the browser matches them.
    const held = ['*://jobs.communitycare.co.uk/*', 'http://fallback.test/*', 'https://careers.example-council.gov.uk/*'].map((p) => new MatchPattern(p));
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async ({ origins = [] }) => origins.every((o) => held.some((p) => p.includes(o.replace(/\*$/, '')))));
  });
  afterEach(() => vi.restoreAllMocks());

  it('the installed sites and the hosts a person enabled; never the sync server, another host or a page that is not a web page', async () => {
    expect(await overlayRunsOn(new URL(ADVERT))).toBe(true);
    expect(await overlayRunsOn(new URL('http://jobs.communitycare.co.uk/jobs/'))).toBe(true);
    expect(await overlayRunsOn(new URL(ENABLED))).toBe(true);
    expect(await overlayRunsOn(new URL('http://careers.example-council.gov.uk/vacancy/42'))).toBe(false);
    expect(await overlayRunsOn(new URL('http://fallback.test/invite/abc'))).toBe(false);
    expect(await overlayRunsOn(new URL('https://www.indeed.co.uk/viewjob?jk=1'))).toBe(false);
    expect(await overlayRunsOn(new URL('chrome://extensions/'))).toBe(false);
    expect(await overlayRunsOn(new URL('file:///tmp/advert.html'))).toBe(false);
  });

  it("asks the browser for the page's origin only, and never for the sync server's pages or a page that is not a web page", async () => {
    await overlayRunsOn(new URL(ADVERT));
    expect(fakeBrowser.permissions.contains).toHaveBeenCalledWith({ origins: ['https://jobs.communitycare.co.uk/*'] });
    vi.mocked(fakeBrowser.permissions.contains).mockClear();
    await overlayRunsOn(new URL('http://fallback.test/invite/abc'));
    await overlayRunsOn(new URL('chrome://extensions/'));
    expect(fakeBrowser.permissions.contains).not.toHaveBeenCalled();
  });
});

describe('what a tab update asks for', () => {
  const runsOn = (url: URL) => url.href === ADVERT;
  it('injects at `complete`, waits at `loading`, drops what was pending for another page, ignores the rest', async () => {
    expect(await stepFor({ status: 'complete' }, ADVERT, runsOn)).toBe('inject');
    expect(await stepFor({ status: 'loading' }, ADVERT, runsOn)).toBe('wait');
    expect(await stepFor({ status: 'complete' }, 'https://www.indeed.co.uk/viewjob?jk=1', runsOn)).toBe('forget');
    // No URL: a host we do not hold (without the `tabs` permission the browser shows no URL there).
    expect(await stepFor({ status: 'loading' }, undefined, runsOn)).toBe('forget');
    expect(await stepFor({ status: 'complete' }, 'not a url', runsOn)).toBe('forget');
    for (const change of [{}, { title: 'Senior Social Worker' }, { favIconUrl: 'https://x/f.ico' }, { audible: true }, { status: 'unloaded' }]) expect(await stepFor(change, ADVERT, runsOn)).toBe('ignore');
  });

  it('asks nothing about updates with no status (titles, favicons), however many', async () => {
    const asked = vi.fn(() => true);
    await stepFor({ title: 'x' } as { status?: string }, ADVERT, asked);
    expect(asked).not.toHaveBeenCalled();
  });
});

describe('following page loads', () => {
  const runsOn = (url: URL) => url.href === ADVERT;
  let injected: number[] = [];
  const follower = () => followPageLoads(async (tabId) => void injected.push(tabId), runsOn);
  beforeEach(() => {
    injected = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('injects once when the page has loaded, not at `loading`', async () => {
    const f = follower();
    await f.onUpdated(7, { status: 'loading' }, { url: ADVERT });
    expect(injected).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    await f.onUpdated(7, { status: 'complete' }, { url: ADVERT });
    expect(injected).toEqual([7]);
    // The fallback is off: nothing more once the wait has passed.
    await vi.advanceTimersByTimeAsync(MAX_WAIT_FOR_LOAD_MS * 2);
    expect(injected).toEqual([7]);
  });

  it('on install or update, puts the overlay into the pages already open: loaded ones at once, loading ones as if just started', async () => {
    const f = follower();
    followOpenTabs(f, [
      { id: 3, status: 'complete', url: ADVERT },
      { id: 4, status: 'loading', url: ADVERT },
      { id: 5, status: 'complete', url: 'https://www.indeed.co.uk/viewjob?jk=1' },
      { id: 6, status: 'complete' }, // a host we do not hold: the browser shows us no URL
      { status: 'complete', url: ADVERT }, // no tab id (devtools)
    ]);
    await vi.advanceTimersByTimeAsync(0);
    expect(injected).toEqual([3]);
    await vi.advanceTimersByTimeAsync(MAX_WAIT_FOR_LOAD_MS);
    expect(injected).toEqual([3, 4]);
  });

  it('injects a page that never finishes loading once it has been loading for MAX_WAIT_FOR_LOAD_MS', async () => {
    const f = follower();
    await f.onUpdated(7, { status: 'loading' }, { url: ADVERT });
    await vi.advanceTimersByTimeAsync(MAX_WAIT_FOR_LOAD_MS - 1);
    expect(injected).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(injected).toEqual([7]);
    // Its `complete` at last injects again: the copy stands down in a document whose overlay runs (content/claim.ts).
    await f.onUpdated(7, { status: 'complete' }, { url: ADVERT });
    expect(injected).toEqual([7, 7]);
  });

  it('starts the wait afresh for each navigation of a tab, each tab on its own', async () => {
    const f = follower();
    await f.onUpdated(7, { status: 'loading' }, { url: ADVERT });
    await vi.advanceTimersByTimeAsync(1000);
    await f.onUpdated(7, { status: 'loading' }, { url: ADVERT });
    await f.onUpdated(8, { status: 'loading' }, { url: ADVERT });
    await vi.advanceTimersByTimeAsync(MAX_WAIT_FOR_LOAD_MS - 1);
    expect(injected).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(injected.sort()).toEqual([7, 8]);
  });

  it('drops the pending wait when the tab goes to a page without the overlay, or closes', async () => {
    const f = follower();
    await f.onUpdated(7, { status: 'loading' }, { url: ADVERT });
    await f.onUpdated(7, { status: 'loading' }, { url: 'https://www.indeed.co.uk/viewjob?jk=1' });
    await f.onUpdated(8, { status: 'loading' }, { url: ADVERT });
    f.onRemoved(8);
    await f.onUpdated(9, { status: 'loading' }, {});
    await vi.advanceTimersByTimeAsync(MAX_WAIT_FOR_LOAD_MS * 2);
    expect(injected).toEqual([]);
  });

  it('never injects on other sites, on hosts we do not hold, or for updates without a status', async () => {
    const f = follower();
    await f.onUpdated(7, { status: 'complete' }, { url: 'https://www.indeed.co.uk/viewjob?jk=1' });
    await f.onUpdated(8, { status: 'complete' }, {});
    await f.onUpdated(9, { title: 'Senior Social Worker' } as { status?: string }, { url: ADVERT });
    await vi.advanceTimersByTimeAsync(MAX_WAIT_FOR_LOAD_MS * 2);
    expect(injected).toEqual([]);
  });

  it('keeps following when an injection fails (the tab navigated or shows an error page)', async () => {
    let fails = true;
    const f = followPageLoads(async (tabId) => {
      if (fails) throw new Error('Frame with ID 0 was removed.');
      injected.push(tabId);
    }, runsOn);
    await expect(f.onUpdated(7, { status: 'complete' }, { url: ADVERT })).resolves.toBeUndefined();
    await vi.advanceTimersByTimeAsync(0);
    fails = false;
    await f.onUpdated(7, { status: 'complete' }, { url: ADVERT });
    await vi.advanceTimersByTimeAsync(0);
    expect(injected).toEqual([7]);
  });
});

describe('injecting the overlay', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('puts the overlay’s script into the tab’s top document, in one call (the script itself starts once per document)', async () => {
    const executeScript = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    await injectOverlay(7);
    expect(executeScript.mock.calls).toEqual([[{ target: { tabId: 7 }, files: [OVERLAY_SCRIPT] }]]);
  });
});

describe('"Enable Shortlist on this site" from the popup', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('asks for that one site and puts the overlay on the open tab; refused, it injects nothing', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    const executeScript = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    expect(await enableSite(7, ENABLED)).toBe(true);
    expect(request).toHaveBeenCalledWith({ origins: ['https://careers.example-council.gov.uk/*'] });
    expect(executeScript.mock.calls).toEqual([[{ target: { tabId: 7 }, files: [OVERLAY_SCRIPT] }]]);
    request.mockResolvedValue(false as never);
    expect(await enableSite(7, ENABLED)).toBe(false);
    expect(executeScript).toHaveBeenCalledTimes(1);
  });
});

describe('an update from a build that registered the overlay for enabled hosts', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('takes that registration out (its file is gone), and touches nothing when there is none', async () => {
    const unregister = vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockResolvedValue(undefined as never);
    const registered = vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([{ id: 'shortlist-sites', js: ['content-scripts/sites.js'], matches: ['https://careers.example-council.gov.uk/*'] }] as never);
    await dropLegacyRegistration();
    expect(registered).toHaveBeenCalledWith({ ids: ['shortlist-sites'] });
    expect(unregister).toHaveBeenCalledWith({ ids: ['shortlist-sites'] });
    registered.mockResolvedValue([] as never);
    await dropLegacyRegistration();
    expect(unregister).toHaveBeenCalledTimes(1);
  });
});
