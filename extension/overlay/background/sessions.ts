import { browser, type Browser } from '#imports';
import type { PageFacts } from '@/messages/overlay';
import { BUILD_DEMO_ORIGIN, pageUrlOf } from '@/overlay/demo-url';
import { withoutFragment } from '@/overlay/tab-url';
import { NO_SESSION, type PageView } from '@/overlay/views';

type MessageSender = Browser.runtime.MessageSender;

/**
 * One overlay session: one page read in one tab. The content script opens it with what it
 * read; the frame it then mounts gets the session id (in its own URL, which the page cannot
 * read) and asks with it. The tab and its URL are the browser's, never the page's word.
 */
export interface OverlaySession {
  id: string;
  tabId: number;
  frameId: number;
  /** The tab's URL when the session was opened, without its #fragment: frames are answered only while the tab shows it. */
  tabUrl: string;
  /**
   * The URL that page stands for, at which everything is looked up and stored: the tab's URL,
   * or in a demo build only, the real URL of a localhost demo page (overlay/demo-url.ts). Derived
   * from the tab's URL by the background, never taken from the page.
   */
  pageUrl: string;
  page: PageFacts;
  openedAt: number;
}

const MAX_SESSIONS = 200;
const STORAGE_KEY = 'overlay-sessions';
const sessions = new Map<string, OverlaySession>();
/** The first view of a session, computed as soon as the content script opens it, so the frame finds it ready. */
const warm = new Map<string, Promise<PageView>>();


function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A tab's http(s) URL, or an error: the overlay runs only in web pages' tabs. */
export function tabUrlOf(sender: MessageSender): URL {
  const raw = sender.tab?.url;
  if (!raw || sender.tab?.id === undefined) throw new Error('The overlay runs only in a tab');
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('The overlay runs only on web pages');
  return url;
}

/** Kept in the background's session storage (not reachable by content scripts) so a restarted service worker still knows open frames. */
async function persist(): Promise<void> {
  try {
    await browser.storage.session.set({ [STORAGE_KEY]: [...sessions.values()] });
  } catch {
    // Without session storage a restart of the service worker asks the person to reload the page.
  }
}

async function restore(id: string): Promise<OverlaySession | undefined> {
  try {
    const stored = (await browser.storage.session.get(STORAGE_KEY))[STORAGE_KEY] as OverlaySession[] | undefined;
    for (const s of stored ?? []) if (!sessions.has(s.id)) sessions.set(s.id, { ...s, pageUrl: s.pageUrl ?? pageUrlIn(s.tabUrl) });
  } catch {
    return undefined;
  }
  return sessions.get(id);
}

/**
 * The URL a tab's page stands for (overlay/demo-url.ts). In a build with no demo origin (every
 * production build) it is the tab's URL, and the demo mapping is left out of the service worker.
 */
export const pageUrlIn = (tabUrl: string) => (BUILD_DEMO_ORIGIN ? pageUrlOf(tabUrl, BUILD_DEMO_ORIGIN) : new URL(tabUrl).href);

/** Opens a session for the sending content script's tab; the tab's earlier sessions end (one page per tab). */
export function openSession(sender: MessageSender, page: PageFacts): OverlaySession {
  const url = tabUrlOf(sender);
  for (const s of sessions.values()) if (s.tabId === sender.tab!.id) end(s.id);
  const tabUrl = withoutFragment(url.href);
  const session: OverlaySession = { id: randomId(), tabId: sender.tab!.id!, frameId: sender.frameId ?? 0, tabUrl, pageUrl: pageUrlIn(tabUrl), page, openedAt: Date.now() };
  sessions.set(session.id, session);
  while (sessions.size > MAX_SESSIONS) end(sessions.keys().next().value!);
  void persist();
  return session;
}

function end(id: string): void {
  sessions.delete(id);
  warm.delete(id);
}

/**
 * The session a frame asks about, if that frame sits in the session's tab and the tab still
 * shows the page the session was opened for; otherwise an error, and nothing is shown or changed.
 */
export async function sessionForFrame(id: string, sender: MessageSender): Promise<OverlaySession> {
  const session = sessions.get(id) ?? (await restore(id));
  if (!session) throw new Error(`${NO_SESSION}: this overlay has expired, reload the page`);
  const url = tabUrlOf(sender);
  if (sender.tab!.id !== session.tabId || withoutFragment(url.href) !== session.tabUrl) throw new Error(`${NO_SESSION}: this overlay belongs to another page`);
  return session;
}

export function warmView(session: OverlaySession, view: Promise<PageView>): Promise<PageView> {
  view.catch(() => undefined);
  warm.set(session.id, view);
  return view;
}

/** The warm first view, once; later asks compute afresh (after a change the frame asks again). */
export function takeWarmView(session: OverlaySession): Promise<PageView> | undefined {
  const view = warm.get(session.id);
  warm.delete(session.id);
  return view;
}

/** For tests. */
export function clearSessions(): void {
  sessions.clear();
  warm.clear();
}
