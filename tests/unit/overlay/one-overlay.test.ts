// @vitest-environment happy-dom
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asked, background, fakeContext, jobPostingScript, resetContentHarness, sessionId } from './content-harness';
import { runOncePerDocument } from '@/overlay/content/claim';

/**
 * One overlay per document, whatever injects the content script again: a newer copy started in
 * the document invalidates the older one (WXT's ContentScriptContext does it; the fake here is
 * told), and the older copy takes away everything it drew. An extension update leaves the old
 * copy orphaned: WXT finds its context invalid at the next tick of its interval.
 */
vi.mock('@/overlay/ask', () => import('./content-harness'));
vi.mock('@/overlay/content/frame-host', async (original) => ({ ...(await original<object>()), ...(await import('./content-harness')) }));
const { runPageOverlay } = await import('@/overlay/content/mount');

const frames = () => [...document.querySelectorAll('shortlist-overlay')].map((f) => (f as HTMLElement).dataset.session);
const summaries = () => document.querySelectorAll('shortlist-summary');
const badges = () => document.querySelectorAll('[data-shortlist-badge]');
const KEY = Symbol.for('shortlist.page-overlay');

let stops: Array<() => void> = [];
beforeEach(() => {
  fakeBrowser.reset();
  resetContentHarness();
  background.summary = { vacancy: { title: 'Social Worker – Children in Care', posts: 2, status: 'open' }, total: 3, counts: { applied: 3 }, overdue: 0, dueNext: 0 } as never;
  history.replaceState(null, '', '/jobs/view/4004');
  document.body.append(jobPostingScript('Social Worker – Children in Care', '4004'));
});
afterEach(() => {
  stops.forEach((s) => s());
  stops = [];
  document.body.replaceChildren();
  delete (globalThis as Record<symbol, unknown>)[KEY];
});

async function start() {
  const fake = fakeContext();
  stops.push(fake.stop);
  await runPageOverlay(fake.ctx as never);
  return fake;
}

describe('one overlay in a document', () => {
  it('a newer copy of the script replaces the older one: one frame, one summary, and the older copy reads the page no more', async () => {
    const base = background.opened;
    const older = await start();
    await vi.waitFor(() => expect(frames()).toHaveLength(1));
    expect(summaries()).toHaveLength(1);
    // WXT: the newer copy's context, on creation, invalidates the older one.
    older.invalidate();
    expect(frames()).toEqual([]);
    expect(summaries()).toHaveLength(0);
    await start();
    await vi.waitFor(() => expect(frames()).toEqual([sessionId(base + 2)]));
    expect(summaries()).toHaveLength(1);
    // The older copy, told of a URL change, opens nothing: only the newer one follows the page.
    const opened = asked.filter((r) => r.type === 'overlay:open').length;
    history.pushState(null, '', '/jobs/view/4005');
    document.body.replaceChildren(jobPostingScript('Team Manager – Assessment', '4005'));
    window.dispatchEvent(new Event('wxt:locationchange'));
    await vi.waitFor(() => expect(asked.filter((r) => r.type === 'overlay:open')).toHaveLength(opened + 1));
    await vi.waitFor(() => expect(frames()).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(frames()).toHaveLength(1);
    expect(summaries()).toHaveLength(1);
  });

  it('a copy injected while one runs stands down; once that one is invalidated the next copy runs', async () => {
    const contexts: Array<ReturnType<typeof fakeContext>> = [];
    const inject = () =>
      runOncePerDocument((ctx) => void runPageOverlay(ctx), (() => {
        const fake = fakeContext();
        stops.push(fake.stop);
        contexts.push(fake);
        return fake.ctx;
      }) as never);
    const base = background.opened;
    expect(inject()).toBe(true);
    await vi.waitFor(() => expect(frames()).toHaveLength(1));
    expect(inject()).toBe(false);
    expect(inject()).toBe(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(frames()).toEqual([sessionId(base + 1)]);
    expect(asked.filter((r) => r.type === 'overlay:open')).toHaveLength(1);
    contexts[0]!.invalidate();
    expect(frames()).toEqual([]);
    expect(inject()).toBe(true);
    await vi.waitFor(() => expect(frames()).toEqual([sessionId(base + 2)]));
  });

  it('an older copy invalidated while its answer is on its way draws nothing when it comes', async () => {
    const fake = fakeContext();
    stops.push(fake.stop);
    const running = runPageOverlay(fake.ctx as never);
    fake.invalidate();
    await running;
    await new Promise((r) => setTimeout(r, 20));
    expect(frames()).toEqual([]);
    expect(summaries()).toHaveLength(0);
    expect(badges()).toHaveLength(0);
  });
});
