// @vitest-environment happy-dom
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { leaveHint } from '@/overlay/page-hint';
import { asked, background, fakeContext, jobPostingScript, mounted, resetContentHarness, sessionId } from './content-harness';

/**
 * runPageOverlay with a summary: drawn as soon as the session is opened, before the frame, and
 * taken away once the frame says it has drawn (its size, through the background); the bench's
 * `shortlist:shown` is the first of the two. Pages with no summary wait for the frame as before.
 */
vi.mock('@/overlay/ask', () => import('./content-harness'));
vi.mock('@/overlay/content/frame-host', async (original) => ({ ...(await original<object>()), ...(await import('./content-harness')) }));
const { runPageOverlay } = await import('@/overlay/content/mount');

const summaries = () => document.querySelectorAll('shortlist-summary');
const marks = () => performance.getEntriesByType('mark').map((m) => m.name).filter((n) => n.startsWith('shortlist:'));
/** The background passing on the frame's size, as it does (a message from the extension, not from a tab). */
const frameReports = (session: string, height: number) =>
  fakeBrowser.runtime.onMessage.trigger({ type: 'overlay:place', session, width: 320, height, right: 16, bottom: 16 }, { id: fakeBrowser.runtime.id }, () => undefined);

let stop = () => undefined as void;
beforeEach(() => {
  fakeBrowser.reset();
  resetContentHarness();
  performance.clearMarks();
  history.replaceState(null, '', '/jobs/view/3003');
  document.body.append(jobPostingScript('Social Worker – Children in Care', '3003'));
});
afterEach(() => {
  stop();
  document.body.replaceChildren();
});

async function run() {
  const fake = fakeContext();
  stop = fake.stop;
  await runPageOverlay(fake.ctx as never);
}

describe('the summary until the frame has drawn', () => {
  it('draws the summary at once, marks the counts shown, and gives its place to the frame when the frame has a size', async () => {
    background.summary = { vacancy: { title: 'Social Worker', posts: 1, status: 'open', mode: 'rolling', closingDate: null }, counts: { applied: 3 }, total: 3, overdue: 1, dueNext: 0 };
    await run();
    await vi.waitFor(() => expect(mounted).toHaveLength(1));
    const session = mounted[0]!;
    expect(summaries()).toHaveLength(1);
    expect(marks()).toEqual(['shortlist:start', 'shortlist:opened', 'shortlist:summary', 'shortlist:shown', 'shortlist:framed']);
    // A size of 0 is a frame that has not drawn: the summary stays.
    await frameReports(session, 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(summaries()).toHaveLength(1);
    // Another session's size (an old page's frame) changes nothing.
    await frameReports(sessionId(999), 400);
    await new Promise((r) => setTimeout(r, 50));
    expect(summaries()).toHaveLength(1);
    await frameReports(session, 400);
    await vi.waitFor(() => expect(summaries()).toHaveLength(0));
    expect(marks()).toEqual(['shortlist:start', 'shortlist:opened', 'shortlist:summary', 'shortlist:shown', 'shortlist:framed', 'shortlist:frame-shown']);
  });

  describe('with the counts the background handed over with the script (overlay/page-hint.ts)', () => {
    const counts = { vacancy: { title: 'Social Worker', posts: 1, status: 'open', mode: 'rolling', closingDate: null }, counts: { applied: 3 }, total: 3, overdue: 1, dueNext: 0 } as const;
    /** The facts this page is read as (the content script's own request), for a hint left for them. */
    async function factsOfThisPage(): Promise<string> {
      await run();
      await vi.waitFor(() => expect(mounted).toHaveLength(1));
      const page = asked.find((r) => r.type === 'overlay:open')!.page;
      stop();
      document.querySelectorAll('shortlist-summary, shortlist-overlay').forEach((e) => e.remove());
      resetContentHarness();
      performance.clearMarks();
      return JSON.stringify(page);
    }
    const leave = (page: string, placement = { right: 16, bottom: 16, collapsed: false }) => leaveHint({ url: location.href, page, summary: counts, placement });

    it('draws them before the session is opened, and keeps that drawing when the answer has the same counts', async () => {
      const page = await factsOfThisPage();
      leave(page);
      background.summary = counts;
      await run();
      await vi.waitFor(() => expect(mounted).toHaveLength(1));
      expect(marks()).toEqual(['shortlist:start', 'shortlist:summary', 'shortlist:shown', 'shortlist:opened', 'shortlist:framed']);
      expect(summaries()).toHaveLength(1);
    });

    it('replaces them when the answer differs, and takes them away when the advert is no longer tracked', async () => {
      const page = await factsOfThisPage();
      leave(page);
      background.summary = { ...counts, total: 4, counts: { applied: 4 } };
      await run();
      await vi.waitFor(() => expect(mounted).toHaveLength(1));
      expect(marks().filter((m) => m === 'shortlist:summary')).toHaveLength(2);
      expect(summaries()).toHaveLength(1);
      stop();
      document.querySelectorAll('shortlist-summary, shortlist-overlay').forEach((e) => e.remove());
      resetContentHarness();
      leave(page);
      await run();
      await vi.waitFor(() => expect(mounted).toHaveLength(1));
      expect(summaries()).toHaveLength(0);
    });

    it('does not draw a hint left for another advert or another URL', async () => {
      const page = await factsOfThisPage();
      leaveHint({ url: location.href, page: JSON.stringify({ ...JSON.parse(page), externalId: 'another' }), summary: counts, placement: { right: 16, bottom: 16, collapsed: false } });
      await run();
      await vi.waitFor(() => expect(mounted).toHaveLength(1));
      expect(summaries()).toHaveLength(0);
      stop();
      document.querySelectorAll('shortlist-overlay').forEach((e) => e.remove());
      leaveHint({ url: `${location.origin}/jobs/view/9999`, page, summary: counts, placement: { right: 16, bottom: 16, collapsed: false } });
      await run();
      await vi.waitFor(() => expect(mounted).toHaveLength(2));
      expect(summaries()).toHaveLength(0);
    });
  });

  it('with no summary (an advert the council does not track), the frame’s size is the moment the overlay is shown', async () => {
    await run();
    await vi.waitFor(() => expect(mounted).toHaveLength(1));
    expect(summaries()).toHaveLength(0);
    expect(marks()).not.toContain('shortlist:shown');
    await frameReports(mounted[0]!, 300);
    expect(marks().slice(-2)).toEqual(['shortlist:frame-shown', 'shortlist:shown']);
  });

  it('goes with the page: a URL change to a page it cannot read takes the summary away', async () => {
    background.summary = { vacancy: { title: 'Social Worker', posts: 1, status: 'open', mode: 'rolling', closingDate: null }, counts: {}, total: 0, overdue: 0, dueNext: 0 };
    await run();
    await vi.waitFor(() => expect(summaries()).toHaveLength(1));
    history.pushState(null, '', '/search');
    document.body.replaceChildren(document.createElement('main'), ...summaries());
    window.dispatchEvent(new Event('wxt:locationchange'));
    await vi.waitFor(() => expect(summaries()).toHaveLength(0));
    expect(document.querySelectorAll('shortlist-overlay')).toHaveLength(0);
  });
});
