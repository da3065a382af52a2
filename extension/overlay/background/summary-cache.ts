import Dexie from 'dexie';
import type { PageFacts } from '@/messages/overlay';
import { summaryOf, type AdvertSummary, type PageView } from '@/overlay/views';

/**
 * The last summary of each advert page (or that it has none), kept warm so that the next
 * `overlay:open` of the page answers at once instead of after the vacancy's lookups; the frame's
 * view is still computed afresh for every page. Any write to the database (in the background or
 * in an extension page: Dexie relays its `storagemutated` between the extension's contexts)
 * forgets them all, and none is kept longer than MAX_AGE_MS (targets follow the working-day clock).
 */
const MAX_AGE_MS = 5 * 60_000;
/** More pages than a person opens in five minutes: past it, all are forgotten (memory stays bounded). */
const MAX_KEPT = 100;

interface Kept {
  at: number;
  summary: AdvertSummary | undefined;
}

const kept = new Map<string, Kept>();
/** Bumped by every write: a summary computed from reads older than the last write is not kept. */
let generation = 0;
// Dexie's own event (no browser API): it fires in whichever context writes, and Dexie relays it to the others.
Dexie.on('storagemutated', () => {
  generation++;
  kept.clear();
});

/** The key of a page: the URL it is looked up at and everything the page said. */
export const summaryKey = (pageUrl: string, page: PageFacts) => `${pageUrl}\n${JSON.stringify(page)}`;

/** The kept summary of a page, if it is still good; `undefined` when there is none to trust. */
export function keptSummary(key: string): Kept | undefined {
  const hit = kept.get(key);
  return hit && Date.now() - hit.at <= MAX_AGE_MS ? hit : undefined;
}

/** Starts a computation whose result may be kept: call before its first read, keep with what it returns. */
export function summaryComputation(key: string): { keep(summary: AdvertSummary | undefined): AdvertSummary | undefined } {
  const started = generation;
  return {
    keep(summary) {
      if (started === generation) {
        if (kept.size >= MAX_KEPT) kept.clear();
        kept.set(key, { at: Date.now(), summary });
      }
      return summary;
    },
  };
}

/**
 * A tracked advert's summary for `overlay:open`: the one kept for the page (the view is then not
 * looked up for it), or else the one of the view the frame will show, kept for next time (not
 * when the view could not be read).
 */
export async function advertSummary(key: string, view: () => Promise<PageView>): Promise<AdvertSummary | undefined> {
  const hit = keptSummary(key);
  if (hit) return hit.summary;
  const computation = summaryComputation(key);
  const v = await view().catch(() => undefined);
  return v ? computation.keep(summaryOf(v)) : undefined;
}

/**
 * The tracked advert kept last at a page URL, as the page described it (JSON), with its summary
 * while that is still good: what the overlay's script is handed when injected there (overlay/page-hint.ts).
 */
export function keptAt(pageUrl: string): { page: string; summary: AdvertSummary } | undefined {
  let latest: { page: string; summary: AdvertSummary } | undefined;
  for (const key of kept.keys()) {
    const summary = key.startsWith(`${pageUrl}\n`) ? keptSummary(key)?.summary : undefined;
    if (summary) latest = { page: key.slice(pageUrl.length + 1), summary };
  }
  return latest;
}

/** For tests. */
export function clearKeptSummaries(): void {
  kept.clear();
}
