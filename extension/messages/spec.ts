import type * as z from 'zod/mini';

/**
 * Who may send a message. Extension pages: Shortlist's popup, options and workspace (also
 * when opened in a tab). Overlay frames: Shortlist's overlay page (overlay.html) framed inside
 * a web page's tab; the page cannot script it, but it gets only what the overlay needs.
 * Content scripts: Shortlist's page reader, running inside web pages the page itself may have
 * tampered with, so they get only what reading a page needs, never candidate data.
 */
export type Sender = 'extension-page' | 'overlay-frame' | 'content-script';

export const PAGES: readonly Sender[] = ['extension-page'];
export const PAGES_AND_CONTENT_SCRIPTS: readonly Sender[] = ['extension-page', 'content-script'];
export const OVERLAY_FRAME: readonly Sender[] = ['overlay-frame'];
export const CONTENT_SCRIPTS: readonly Sender[] = ['content-script'];
/** The overlay's sync note, in the frame, reads the sync status as our pages do. */
export const PAGES_AND_OVERLAY_FRAME: readonly Sender[] = ['extension-page', 'overlay-frame'];

/** One message of the protocol: its request schema, who may send it, and (as a type only) its reply. */
export interface MessageSpec<S extends z.ZodMiniType = z.ZodMiniType, R = unknown> {
  request: S;
  senders: readonly Sender[];
  /** Who answers: the background (the default), or the content script of a tab. */
  to?: 'tab';
  /** A type marker, never read: what the answer's `data` is. */
  reply: R;
}

/** Names a reply type in a protocol entry; the value is never used. */
export const reply = <R>(): R => undefined as R;

/** Every reply: the data, or an error a person can read. Nothing throws across the boundary. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string; issues?: string[] };
