import type * as z from 'zod/mini';
import { CORE_MESSAGES } from './core';
import { OVERLAY_MESSAGES } from './overlay';
import type { MessageSpec } from './spec';

export type { SignInReply } from './core';
export type { HealthReply } from '@/sync/health';
export type { Reply, Sender } from './spec';

/**
 * Every message of the extension, by type: its zod request schema, who may send it, and its
 * reply. Handlers (router.ts) and senders (send.ts) are both typed from this one map.
 */
export const PROTOCOL = { ...CORE_MESSAGES, ...OVERLAY_MESSAGES } satisfies Record<string, MessageSpec>;

type Protocol = typeof PROTOCOL;
export type MessageType = keyof Protocol;
/** Messages the background answers. */
export type BackgroundMessage = { [K in MessageType]: Protocol[K] extends { to: 'tab' } ? never : K }[MessageType];
/** Messages a tab's content script answers. */
export type TabMessage = Exclude<MessageType, BackgroundMessage>;

/** A request as a sender writes it (defaults may be left out). */
export type RequestInput<K extends MessageType> = z.input<Protocol[K]['request']>;
/** A request as its handler sees it: validated, defaults filled. */
export type RequestOf<K extends MessageType> = z.output<Protocol[K]['request']>;
export type ReplyOf<K extends MessageType> = Protocol[K]['reply'];
