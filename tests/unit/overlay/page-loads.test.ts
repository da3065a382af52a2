import '../extension/globals';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followPageLoads, stepFor } from '@/overlay/background/page-loads';
import { injectOverlay, OVERLAY_SCRIPT } from '@/overlay/background/inject-overlay';
import { enableSite, overlayRunsOn } from '@/overlay/background/site-access';
import { claimDocument } from '@/overlay/content/claim';
import { MAX_WAIT_FOR_LOAD_MS } from '@/overlay/page-load';

/**
 * How the overlay arrives in a page: the background injects it when the tab has loaded (or has
 * been loading for MAX_WAIT_FOR_LOAD_MS), only on the overlay's sites, once per document.
 */
const ADVERT = 'https://jobs.communitycare.co.uk/job/4188275/senior-social-worker/';
const ENABLED = 'https://careers.example-council.gov.uk/vacancy/42';

describe('which pages get the overlay', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The manifest of a build with its default server (globals.ts: http://fallback.test) and no demo origin.
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Shortlist', version: '0', host_permissions: ['*://jobs.communitycare.co.uk/*', 'http://fallback.test/*'] });
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({ origins: ['*://jobs.communitycare.co.uk/*', 'http://fallback.test/*', 'https://careers.example-council.gov.uk/*'], permissions: [] } as never);
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

  it('asks the browser for the enabled hosts only when the page is on no installed site', async () => {
    await overlayRunsOn(new URL(ADVERT));
    expect(fakeBrowser.permissions.getAll).not.toHaveBeenCalled();
    await overlayRunsOn(new URL(ENABLED));
    expect(fakeBrowser.permissions.getAll).toHaveBeenCalledTimes(1);
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

  it('injects a page that never finishes loading once it has been loading for MAX_WAIT_FOR_LOAD_MS', async () => {
    const f = follower();
    await f.onUpdated(7, { status: 'loading' }, { url: ADVERT });
    await vi.advanceTimersByTimeAsync(MAX_WAIT_FOR_LOAD_MS - 1);
    expect(injected).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(injected).toEqual([7]);
    // Its `complete` at last asks again: the claim in the document refuses it (injectOverlay below).
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
  const KEY = Symbol.for('shortlist.page-overlay');
  /** The browser's executeScript for one tab whose top document runs the claim in its own world (this global object). */
  function tabWithDocument(documentId: string | undefined) {
    const calls: Array<{ target: object; files?: string[] }> = [];
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (injection: { target: object; func?: () => unknown; files?: string[] }) => {
      calls.push({ target: injection.target, ...(injection.files ? { files: injection.files } : {}) });
      return [{ frameId: 0, documentId, result: injection.func ? injection.func() : undefined }];
    }) as never);
    return calls;
  }
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    vi.restoreAllMocks();
    delete (globalThis as Record<symbol, unknown>)[KEY];
  });

  it('claims the top document, then injects the script into exactly that document, and nothing on the next try', async () => {
    const calls = tabWithDocument('doc-1');
    expect(await injectOverlay(7)).toBe(true);
    expect(calls).toEqual([{ target: { tabId: 7 } }, { target: { tabId: 7, documentIds: ['doc-1'] }, files: [OVERLAY_SCRIPT] }]);
    expect(await injectOverlay(7)).toBe(false);
    expect(calls).toHaveLength(3);
    expect(calls[2]).toEqual({ target: { tabId: 7 } });
  });

  it('injects into the tab’s top frame where the browser names no document (Firefox)', async () => {
    const calls = tabWithDocument(undefined);
    expect(await injectOverlay(7)).toBe(true);
    expect(calls[1]).toEqual({ target: { tabId: 7 }, files: [OVERLAY_SCRIPT] });
  });

  it('the claim it runs is the one a running overlay holds (content/claim.ts)', async () => {
    tabWithDocument('doc-1');
    expect(claimDocument()).toBe(true);
    expect(await injectOverlay(7)).toBe(false);
  });
});

describe('"Enable Shortlist on this site" from the popup', () => {
  const KEY = Symbol.for('shortlist.page-overlay');
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    vi.restoreAllMocks();
    delete (globalThis as Record<symbol, unknown>)[KEY];
  });

  it('asks for that one site and puts the overlay on the open tab through the claim; refused, it injects nothing', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    const files: string[][] = [];
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (injection: { func?: () => unknown; files?: string[] }) => {
      if (injection.files) files.push(injection.files);
      return [{ frameId: 0, documentId: 'doc-1', result: injection.func ? injection.func() : undefined }];
    }) as never);
    expect(await enableSite(7, ENABLED)).toBe(true);
    expect(request).toHaveBeenCalledWith({ origins: ['https://careers.example-council.gov.uk/*'] });
    expect(files).toEqual([[OVERLAY_SCRIPT]]);
    // Pressed again (or the tab's own `complete` came first): the document has its overlay.
    expect(await enableSite(7, ENABLED)).toBe(true);
    expect(files).toHaveLength(1);
    request.mockResolvedValue(false as never);
    delete (globalThis as Record<symbol, unknown>)[KEY];
    expect(await enableSite(7, ENABLED)).toBe(false);
    expect(files).toHaveLength(1);
  });
});
