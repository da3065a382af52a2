import { browser } from '#imports';
import { getDb } from '@/db/database';
import { upsertRecord } from '@/db/writes';
import type { PageFacts } from '@/messages/overlay';
import type { BackgroundMessage } from '@/messages/protocol';
import type { OVERLAY_MESSAGES } from '@/messages/overlay';
import { registerHandlers } from '@/messages/router';
import type { PageView } from '@/overlay/views';
import { advertView, candidateView, listingBadges } from './queries';
import { placementAt, watchPlacements } from './placements';
import { advertSummary, summaryKey } from './summary-cache';
import { openSession, sessionForFrame, tabUrlOf, takeWarmView, warmView, type OverlaySession } from './sessions';

const db = () => getDb();

/** What the frame shows for a session: looked up by the page's facts at the URL the tab's page stands for (sessions.ts: pageUrl). */
async function viewOf(session: OverlaySession): Promise<PageView> {
  const page = session.page;
  const url = session.pageUrl;
  switch (page.kind) {
    case 'advert':
      return { advert: await advertView(db(), { url, site: page.site, externalId: page.externalId, reference: page.reference }) };
    case 'candidate':
      return { candidate: await candidateView(db(), { url, reference: page.reference, email: page.email, name: page.name }) };
    case 'advert-list':
      return { listing: await listingBadges(db(), page.site, externalIdsOf(page), url) };
  }
}

const externalIdsOf = (page: Extract<PageFacts, { kind: 'advert-list' }>) => page.items.flatMap((i) => (i.externalId ? [i.externalId] : []));

/** A taught profile may only be for the host of the tab it was taught in. */
function profileHostFits(profileHost: string, tabHost: string): boolean {
  const wanted = profileHost.toLowerCase();
  return wanted.startsWith('*.') ? tabHost === wanted.slice(2) || tabHost.endsWith(wanted.slice(1)) : wanted === tabHost;
}

/**
 * The background's answers to the page overlay (requests and who may send them: messages/overlay.ts).
 * The frame's writes (track, capture, move) are the frame's own (overlay/frame/actions.ts).
 */
export function registerOverlayHandlers(): void {
  watchPlacements();
  registerHandlers<keyof typeof OVERLAY_MESSAGES & BackgroundMessage>({
    'overlay:profiles': (_r, sender) => db().site_profiles.where('host').equals(tabUrlOf(sender).hostname).toArray(),
    'overlay:open': async (r, sender) => {
      const session = openSession(sender, r.page);
      let view: Promise<PageView> | undefined;
      const lookUp = () => (view ??= warmView(session, viewOf(session)));
      // Listing pages get their badges from the view, a tracked advert its summary (kept or from the view, looked up at the tab's URL), candidate pages nothing but the session.
      const [placement, badges, summary] = await Promise.all([
        placementAt(tabUrlOf(sender).host),
        r.page.kind === 'advert-list' ? lookUp().then((v) => ('listing' in v ? v.listing : []), () => []) : [],
        r.page.kind === 'advert' ? advertSummary(summaryKey(session.pageUrl, r.page), lookUp) : undefined,
      ]);
      // Not needed for this answer (a kept summary, a candidate page): the frame's view is looked up
      // once the answer is sent, since its lookups would hold it back on the worker's one thread.
      if (!view) setTimeout(lookUp, 0);
      return { session: session.id, placement, badges, ...(summary ? { summary } : {}) };
    },
    'overlay:view': async (r, sender) => {
      const session = await sessionForFrame(r.session, sender);
      const view = await (takeWarmView(session) ?? viewOf(session));
      // Placement is kept per tab host (as overlay:open loads it); the page is shown at the URL it stands for.
      return { page: { ...session.page, url: session.pageUrl }, host: new URL(session.tabUrl).host, view };
    },
    'overlay:layout': async (r, sender) => {
      const session = await sessionForFrame(r.session, sender);
      const { type: _type, ...layout } = r;
      await browser.tabs.sendMessage(session.tabId, { type: 'overlay:place', ...layout }, { frameId: session.frameId });
      return true as const;
    },
    'overlay:teach': async (_r, sender) => {
      tabUrlOf(sender);
      await browser.scripting.executeScript({ target: { tabId: sender.tab!.id!, frameIds: [sender.frameId ?? 0] }, files: ['/content-scripts/teach.js'] });
      return true as const;
    },
    'overlay:saveProfile': async (r, sender) => {
      const { id, ...fields } = r.profile;
      if (!profileHostFits(fields.host, tabUrlOf(sender).hostname)) throw new Error('A page can only be taught for its own site');
      return upsertRecord('site_profiles', id, fields, db());
    },
  });
}
