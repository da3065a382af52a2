import { freshDb, newId, teamFields } from './helpers';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ShortlistDb } from '@/db/database';
import { META, readMeta } from '@/db/meta';
import { upsertRecord } from '@/db/writes';
import { retryAfterMs } from '@/sync/api';
import { signIn } from '@/sync/account';
import { afterFailure, MAX_BACKOFF_MS, MAX_RETRY_AFTER_MS } from '@/sync/backoff';
import { runSync } from '@/sync/scheduler';
import { DEFAULT_USER, FakeServer } from './fake-server';

/** Issue 11: Retry-After is honoured, and no automatic trigger (the minute alarm included) cuts the back-off short. */

describe('back-off after failures', () => {
  it('grows exponentially, capped; Retry-After wins when it asks for longer, within reason', () => {
    let b = afterFailure(null, undefined, 0, () => 0.5);
    expect(b).toEqual({ failures: 1, nextAttemptAt: 2000 });
    for (let i = 0; i < 20; i++) b = afterFailure(b, undefined, 0, () => 0.99);
    expect(b.nextAttemptAt).toBe(MAX_BACKOFF_MS);
    expect(afterFailure(null, 120_000, 1000, () => 0.5).nextAttemptAt).toBe(121_000);
    expect(afterFailure(null, 10 * 86_400_000, 0, () => 0.5).nextAttemptAt).toBe(MAX_RETRY_AFTER_MS);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('30')).toBe(30_000);
    expect(retryAfterMs(new Date(61_000).toUTCString(), 1000)).toBe(60_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});

describe('runSync honours the back-off', () => {
  let db: ShortlistDb;
  let server: FakeServer;
  let clock = 1_000_000;
  const now = () => clock;
  let pushes = 0;
  let answer: (() => Response) | null = null;
  /** `answer` for every route, not only pushes: the server is down. */
  let down = false;

  beforeEach(async () => {
    fakeBrowser.reset();
    db = freshDb('scheduler');
    server = new FakeServer();
    pushes = 0;
    answer = null;
    down = false;
    vi.stubGlobal('fetch', (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('/v1/sync/push')) {
        pushes++;
        if (answer) return answer();
      } else if (down && answer) return answer();
      return server.fetch(input, init);
    }) as typeof fetch);
    expect(await signIn(db, server.baseUrl, DEFAULT_USER.token, server.fetch)).toMatchObject({ ok: true });
    await upsertRecord('teams', newId(), teamFields(), db);
  });
  afterEach(() => vi.unstubAllGlobals());

  const tooMany = () =>
    new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'Too many requests; try again in 120 s' } }), {
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '120' },
    });

  it('after a 429 with Retry-After 120, the minute alarm does not sync until the two minutes are over', async () => {
    answer = tooMany;
    expect(await runSync(false, now)).toMatchObject({ ok: false, error: { kind: 'server', retryAfterMs: 120_000 } });
    expect(pushes).toBe(1);
    answer = null;
    clock += 60_000; // the alarm, a minute later
    await runSync(false, now);
    expect(pushes).toBe(1);
    expect(await db.outbox.count()).toBe(1);
    clock += 61_000;
    expect(await runSync(false, now)).toMatchObject({ ok: true, pushed: 1 });
    expect(pushes).toBe(2);
    expect(await readMeta(db, META.syncBackoff, 'unset')).toBeNull();
  });

  it('repeated server errors: alarms in between do not knock; "Sync now" does', async () => {
    down = true;
    answer = () => new Response(JSON.stringify({ error: { code: 'internal_error', message: 'x' } }), { status: 500 });
    for (let i = 0; i < 9; i++) {
      await runSync(true, now);
      clock += 1;
    }
    expect(pushes).toBeGreaterThanOrEqual(9);
    const before = pushes;
    const backoff = await readMeta<{ nextAttemptAt: number } | null>(db, META.syncBackoff, null);
    expect(backoff!.nextAttemptAt - clock).toBeGreaterThan(60_000);
    clock += 60_000;
    await runSync(false, now);
    expect(pushes).toBe(before);
    await runSync(true, now);
    expect(pushes).toBeGreaterThan(before);
  });
});
