import type { Browser } from '#imports';
import { OVERLAY_FRAME_PATH } from '@/overlay/frame-path';
import { answer } from './answer';
import { PROTOCOL, type BackgroundMessage, type MessageType, type Reply, type ReplyOf, type RequestOf, type Sender } from './protocol';

type MessageSender = Browser.runtime.MessageSender;

export type Handler<K extends BackgroundMessage> = (request: RequestOf<K>, sender: MessageSender) => ReplyOf<K> | Promise<ReplyOf<K>>;
/** Handlers for a group of messages; name the group (`registerHandlers<keyof typeof GROUP>`) so none is left out. */
export type Handlers<K extends BackgroundMessage> = { [P in K]: Handler<P> };

const handlers = new Map<string, (request: unknown, sender: MessageSender) => unknown>();

/** Answers messages of the protocol in the background; each request is validated by its schema before its handler sees it. */
export function registerHandlers<K extends BackgroundMessage>(group: Handlers<K>): void {
  for (const [type, handler] of Object.entries(group)) handlers.set(type, handler as (request: unknown, sender: MessageSender) => unknown);
}

/** Our popup, options and workspace pages (also when opened in a tab); a content script's URL is its web page's. */
export function isOwnExtensionPage(sender: MessageSender, ownId: string, ownOrigin: string): boolean {
  return sender.id === ownId && Boolean(sender.url?.startsWith(ownOrigin));
}

/** The overlay page framed in a tab: our origin, our overlay.html, and a tab around it. */
export function isOverlayFrame(sender: MessageSender, ownId: string, ownOrigin: string): boolean {
  return isOwnExtensionPage(sender, ownId, ownOrigin) && Boolean(sender.tab) && new URL(sender.url!).pathname === OVERLAY_FRAME_PATH;
}

/** Who sent a message of ours: one of our pages, the overlay frame in a tab, or our content script. */
export function senderKind(sender: MessageSender, own: { id: string; origin: string }): Sender {
  if (isOverlayFrame(sender, own.id, own.origin)) return 'overlay-frame';
  return isOwnExtensionPage(sender, own.id, own.origin) ? 'extension-page' : 'content-script';
}

const isProtocolType = (type: unknown): type is MessageType => typeof type === 'string' && Object.hasOwn(PROTOCOL, type);

/** Validates, checks the sender against the message's senders, runs the handler, and always answers with a Reply. */
export async function dispatch(message: unknown, sender: MessageSender, own: { id: string; origin: string }): Promise<Reply<unknown>> {
  if (sender.id !== own.id) return { ok: false, error: 'Messages from other extensions are not accepted' };
  const type = (message as { type?: unknown } | null)?.type;
  const spec = isProtocolType(type) && !('to' in PROTOCOL[type]) ? PROTOCOL[type] : undefined;
  const handler = typeof type === 'string' ? handlers.get(type) : undefined;
  if (!spec || !handler) return { ok: false, error: `Unknown request ${JSON.stringify(type)}` };
  const from = senderKind(sender, own);
  if (!spec.senders.includes(from)) return { ok: false, error: `"${type}" may only be asked by Shortlist's own pages` };
  // Not one of our pages, so it must be our content script: those always run in a tab.
  if (from === 'content-script' && !sender.tab) return { ok: false, error: `"${type}" came from neither a Shortlist page nor a tab` };
  return answer(String(type), spec.request, message, (request) => handler(request, sender));
}

/** Types that have a handler now, for the test that every background message is answered. */
export const handledTypes = (): string[] => [...handlers.keys()];

/** For tests. */
export function clearHandlers(): void {
  handlers.clear();
}
