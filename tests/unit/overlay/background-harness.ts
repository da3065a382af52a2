/**
 * The overlay's background as its session tests drive it: senders of each kind (the page
 * reader in a tab, the overlay frame in the same tab), a freshly seeded browser with the
 * overlay handlers registered, and opening a session.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from '#imports';
import type { generateDemoCouncil } from '#demo/index';
import type { ShortlistDb } from '@/db/database';
import { clearHandlers, dispatch } from '@/messages/router';
import { registerOverlayHandlers } from '@/overlay/background/handlers';
import { clearSessions } from '@/overlay/background/sessions';
import { clearKeptSummaries } from '@/overlay/background/summary-cache';
import type { FrameView, OverlayOpened } from '@/overlay/views';
import { demoBrowserAsPriya } from './demo-browser';

export type Sender = Browser.runtime.MessageSender;
export const own = { id: 'shortlist-id', origin: 'chrome-extension://shortlist-id/' };

const tab = (id: number, url: string) => ({ id, url }) as Sender['tab'];
/** The content script reading the page in tab `tabId`. */
export const reader = (tabId: number, url: string): Sender => ({ id: own.id, url, tab: tab(tabId, url), frameId: 0 });
/** The overlay's extension frame inside that tab's page. */
export const frame = (tabId: number, url: string): Sender => ({ id: own.id, url: `${own.origin}overlay.html#x`, tab: tab(tabId, url), frameId: 5 });

/** A fresh background: no handlers or sessions left from the last test, the demo council in the browser. */
export async function startOverlayBackground(dbName: string, demo: ReturnType<typeof generateDemoCouncil>): Promise<ShortlistDb> {
  fakeBrowser.reset();
  clearHandlers();
  clearSessions();
  clearKeptSummaries();
  const db = await demoBrowserAsPriya(dbName, demo);
  registerOverlayHandlers();
  return db;
}

/** Opens an overlay session for the page the reader saw; throws when the background refuses. */
export async function open(sender: Sender, page: Record<string, unknown>): Promise<OverlayOpened> {
  const reply = await dispatch({ type: 'overlay:open', page }, sender, own);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as OverlayOpened;
}

/** The frame's way to its session's view (overlay/frame/actions.ts `Ask`), as the background answers `sender`. */
export const askAs = (sender: Sender) => async (request: { type: 'overlay:view'; session: string }): Promise<FrameView> => {
  const reply = await dispatch(request, sender, own);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as FrameView;
};
