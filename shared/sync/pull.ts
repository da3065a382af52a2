import * as z from 'zod/mini';
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, type Change, type PullResponse } from '../schema/index';
import { cursorAhead, type Refusal } from './refusals';

/** A whole number of the query string (sent as text), within bounds. */
const wholeNumber = (min: number, tooSmall: string, max: number, tooBig: string) =>
  z.coerce
    .number({ error: 'must be a number' })
    .check(z.int({ error: 'must be a whole number' }), z.minimum(min, { error: tooSmall }), z.maximum(max, { error: tooBig }));

export const pullQuerySchema = z.object({
  cursor: z._default(wholeNumber(0, 'must be 0 or more', Number.MAX_SAFE_INTEGER, 'must be a cursor this server gave'), 0),
  limit: z._default(wholeNumber(1, 'must be at least 1', MAX_PULL_LIMIT, `must be at most ${MAX_PULL_LIMIT}`), DEFAULT_PULL_LIMIT),
  /** The scope fingerprint of the client's last pull answer (shared/sync/scope.ts); absent from older clients. */
  scope: z.optional(z.string().check(z.maxLength(100, { error: 'must be a scope this server gave' }))),
});

/** One entry of the change log after the cursor, with its record as it is now (null: a tombstone). */
export interface LoggedChange {
  seq: number;
  table: string;
  recordId: string;
  record: Record<string, unknown> | null;
}

/**
 * A page of the change log: `after` holds the entries after `cursor` in log order, at least
 * `limit + 1` of them when there are that many (the one more says whether more follow). Within
 * a page a record changed several times is sent once, at its last change; the cursor is the
 * last entry of the page, so paging misses nothing (sync.md invariant 6).
 */
export function pullPage(after: readonly LoggedChange[], cursor: number, limit: number): PullResponse {
  const hasMore = after.length > limit;
  const page = hasMore ? after.slice(0, limit) : after;
  const key = (c: LoggedChange) => `${c.table}:${c.recordId}`;
  const last = new Map<string, number>();
  page.forEach((c, i) => last.set(key(c), i));
  const changes: Change[] = [];
  page.forEach((c, i) => {
    if (last.get(key(c)) !== i) return;
    changes.push({ cursor: c.seq, table: c.table as Change['table'], recordId: c.recordId, deleted: c.record === null, record: c.record });
  });
  return { changes, cursor: page.length ? page[page.length - 1]!.seq : cursor, hasMore };
}

/**
 * A cursor beyond the organisation's change log can only come from another server or an older
 * copy of this one (cursors are entries of the log): an empty page would be answered for ever,
 * so the client is told to start again from 0 (sync.md invariant 12). `head` is the last entry
 * of the organisation's log (0 when empty); checked only when the page after the cursor is empty.
 */
export function cursorRefusal(cursor: number, head: number): Refusal | null {
  return cursor > head ? cursorAhead(cursor, head) : null;
}
