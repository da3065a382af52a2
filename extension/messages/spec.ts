import type { z } from 'zod';

/**
 * Who may send a message. Extension pages: Shortlist's popup, options and workspace (also
 * when opened in a tab). Content scripts: Shortlist's overlay, running inside web pages the
 * page itself may have tampered with, so they get only what the overlay needs.
 */
export type Sender = 'extension-page' | 'content-script';

export const PAGES: readonly Sender[] = ['extension-page'];
export const PAGES_AND_CONTENT_SCRIPTS: readonly Sender[] = ['extension-page', 'content-script'];

/** One message of the protocol: its request schema, who may send it, and (as a type only) its reply. */
export interface MessageSpec<S extends z.ZodType = z.ZodType, R = unknown> {
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
