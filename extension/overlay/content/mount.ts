import { browser, type ContentScriptContext } from '#imports';
import type { SiteProfile } from '@/sites/index';
import type { SiteResult } from '@/sites/types';
import type { PageFacts } from '@/messages/overlay';
import { askBackground } from '@/overlay/ask';
import { placeListingBadges } from './badges';
import { recogniseWithDemoAlias } from './demo-alias';
import { worthShowing } from './worth-showing';
import { mountFrame, type FrameLayout, type MountedFrame } from './frame-host';
import { mountSummary, type MountedSummary } from './summary';
import { onTeachDone } from './teach-link';
import { MAX_WAIT_FOR_LOAD_MS } from '@/overlay/page-load';
import { takeHint } from '@/overlay/page-hint';
import type { AdvertSummary, Placement } from '@/overlay/views';

const RETRY_MS = 1500;
/** Pages rendered by script (Jobtrain...) are read again for this long before giving up quietly. */
const RETRY_FOR_MS = 20_000;

/** What was read from the page, as a key: the overlay is opened again only when it changes. */
const keyOf = (r: SiteResult | null) => (r ? JSON.stringify(r) : '');

const cut = (s: string | undefined, max: number) => (s === undefined ? undefined : s.slice(0, max));

/** The page's facts the background needs, within the lengths it accepts; the URL it takes from the tab. */
export function factsOf(result: SiteResult): PageFacts {
  switch (result.kind) {
    case 'advert':
      return {
        kind: 'advert',
        site: cut(result.site, 80)!,
        title: cut(result.title, 300)!,
        employer: cut(result.employer, 200),
        location: cut(result.location, 200),
        salary: cut(result.salary, 200),
        externalId: cut(result.externalId, 80),
        reference: cut(result.reference, 80),
        closingDate: result.closingDate,
        postedDate: result.postedDate,
        expired: result.expired,
        ...(result.found ? { found: result.found } : {}),
      };
    case 'candidate':
      return { kind: 'candidate', site: cut(result.site, 80)!, name: cut(result.name, 120), reference: cut(result.reference, 80), email: cut(result.email, 254) };
    case 'advert-list':
      return { kind: 'advert-list', site: cut(result.site, 80)!, items: result.items.slice(0, 500).map((i) => ({ externalId: cut(i.externalId, 80), href: i.href })) };
  }
}

/**
 * The page's `load` (a frame added before it would delay it), but not longer than
 * MAX_WAIT_FOR_LOAD_MS on slow, ad-laden pages. Injected at the tab's `complete` (the usual case)
 * the page has loaded: at once. Injected by the background's fallback (the page still loading
 * after that long), the tracked advert's counts are drawn at once and the frame waits once more.
 */
function afterLoad(ctx: Pick<ContentScriptContext, 'addEventListener'>): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    ctx.addEventListener(window, 'load', () => resolve());
    setTimeout(resolve, MAX_WAIT_FOR_LOAD_MS);
  });
}

/** Two animation frames: the frame, placed over the summary, has painted by then (it draws in its own process). */
const afterTwoFrames = (fn: () => void) => requestAnimationFrame(() => requestAnimationFrame(fn));

/**
 * Reads the page with the site modules (taught profiles first), opens an overlay session with
 * the background and frames the overlay page in; follows URL changes of single-page apps;
 * shows nothing, and throws nothing, on pages it cannot read. No candidate data ever comes
 * here: it goes from the background to the frame only. A tracked advert's counts (no names)
 * come back with the session and are drawn at once (summary.ts) until the frame has drawn.
 */
export async function runPageOverlay(ctx: ContentScriptContext): Promise<void> {
  performance.mark('shortlist:start');
  let profiles: SiteProfile[] = [];
  const loadProfiles = async () => {
    try {
      profiles = await askBackground({ type: 'overlay:profiles' });
    } catch {
      profiles = [];
    }
  };
  // The page is read and its session opened while the taught profiles are on their way (one
  // round trip to the background instead of two before the frame); no frame is added until they
  // are here, and a profile that reads the page otherwise reads it again (below).
  const profilesLoaded = loadProfiles();
  let teaching = false;
  /** This copy was invalidated: it reads and shows nothing more. */
  let stopped = false;
  let shown = false;
  let frameShown = false;
  let frame: MountedFrame | null = null;
  let summary: MountedSummary | null = null;
  /** What the summary on screen shows (its counts and placement), so a confirming answer leaves it as it is. */
  let summaryKey = '';
  /** Bumped on every change of what is shown, so a slow answer for an old page is dropped. */
  let generation = 0;
  let shownKey = '';
  let lastUrl = '';
  let urlSince = Date.now();

  /** The counts are on screen (the summary's or the frame's, whichever first): what `npm run bench` times from DOMContentLoaded. */
  function markShown() {
    if (shown) return;
    shown = true;
    performance.mark('shortlist:shown');
  }

  function hide() {
    generation++;
    frame?.remove();
    frame = null;
    summary?.remove();
    summary = null;
    for (const old of document.querySelectorAll('[data-shortlist-badge]')) old.remove();
  }

  /** Draws a tracked advert's counts; the ones already drawn stay when they are the same. */
  function drawSummary(result: Extract<SiteResult, { kind: 'advert' }>, counts: AdvertSummary, placement: Placement) {
    const key = JSON.stringify([counts, placement]);
    if (summary && summaryKey === key) return;
    summary?.remove();
    summary = mountSummary(document, counts, result, placement);
    summaryKey = key;
    performance.mark('shortlist:summary');
    if (!placement.collapsed) markShown();
  }

  async function show(result: SiteResult) {
    hide();
    const mine = generation;
    const page = factsOf(result);
    // Counts the background handed over with this script, for this very advert: on screen before the first round trip.
    if (result.kind === 'advert') {
      const hint = takeHint(location.href, page);
      if (hint) drawSummary(result, hint.summary, hint.placement);
    }
    const opened = await askBackground({ type: 'overlay:open', page });
    performance.mark('shortlist:opened');
    if (mine !== generation) return;
    if (result.kind === 'advert-list') placeListingBadges(document, result.items, opened.badges);
    if (result.kind === 'advert' && opened.summary) drawSummary(result, opened.summary, opened.placement);
    else if (summary) {
      // The hint's advert is no longer tracked: its counts go.
      summary.remove();
      summary = null;
    }
    await afterLoad(ctx);
    await profilesLoaded;
    if (mine !== generation) return;
    frame = mountFrame(document, opened.session, opened.placement, () => {
      // Sent elsewhere before or after it drew: nothing of ours stays in its place, the summary included.
      frame = null;
      summary?.remove();
      summary = null;
    });
    performance.mark('shortlist:framed');
  }

  /** Teach mode, started from the popup: the overlay steps aside until the profile is saved or cancelled. */
  async function teach() {
    if (teaching) return;
    teaching = true;
    hide();
    shownKey = '';
    onTeachDone(() => {
      teaching = false;
      lastUrl = ''; // read the page afresh with the new profile
      void loadProfiles().then(check);
    });
    try {
      await askBackground({ type: 'overlay:teach' });
    } catch {
      teaching = false;
    }
  }
  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    // Only the background and our own pages (never a tab: another content script) talk to the overlay here.
    if (sender.id !== browser.runtime.id || sender.tab) return;
    const m = message as { type?: unknown; session?: unknown } | null;
    if (m?.type === 'teach:start') void teach();
    else if (m?.type === 'overlay:place' && frame && m.session === frame.session) {
      frame.place(m as unknown as FrameLayout);
      // The frame is on screen, sized to its drawn panel: it takes the summary's place (it lies above it until it has painted).
      if ((m as unknown as FrameLayout).height > 0) {
        if (!frameShown) {
          frameShown = true;
          performance.mark('shortlist:frame-shown');
          markShown();
        }
        const under = summary;
        summary = null;
        if (under) afterTwoFrames(() => under.remove());
      }
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  // This copy's context is invalid (the extension was updated or removed, or a copy of a new
  // version started here): nothing of this copy stays on the page, so one overlay at most is there.
  ctx.onInvalidated(() => {
    stopped = true;
    hide();
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // An orphaned script may have no runtime left to remove it from.
    }
  });

  async function check() {
    if (teaching || stopped) return;
    if (location.href !== lastUrl) {
      lastUrl = location.href;
      urlSince = Date.now();
    } else if (shownKey !== '' || Date.now() - urlSince >= RETRY_FOR_MS) {
      // Same page, already read (or given up on): reading it again would only cost the page time.
      return;
    }
    let result: SiteResult | null = null;
    try {
      result = worthShowing(recogniseWithDemoAlias(new URL(location.href), document, profiles)?.result ?? null);
    } catch {
      result = null;
    }
    const key = keyOf(result);
    if (key === shownKey) return;
    if (!result) {
      // Give script-rendered pages time; after that a page we cannot read shows nothing.
      if (Date.now() - urlSince < RETRY_FOR_MS && shownKey === '') return;
      hide();
      shownKey = '';
      return;
    }
    shownKey = key;
    try {
      await show(result);
    } catch (err) {
      // Not answered (the background restarting, a refusal): read the page again on the next poll.
      shownKey = '';
      throw err;
    }
  }

  // The page is read at its `load` (work before it would delay the page) or when the profiles
  // are in, whichever comes first: never later than reading after the profiles.
  await Promise.race([profilesLoaded, afterLoad(ctx)]);
  const first = check().catch(() => undefined);
  await profilesLoaded;
  if (profiles.length) {
    lastUrl = ''; // read the page afresh with its taught profiles (a show under way for the first reading is dropped if they read it otherwise)
    await check().catch(() => undefined);
  }
  await first;
  ctx.setInterval(() => void check().catch(() => undefined), RETRY_MS);
  ctx.addEventListener(window, 'wxt:locationchange', () => void check().catch(() => undefined));
}
