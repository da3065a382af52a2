import './globals';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { localItem } from '@/db/local-item';
import { serverUrlItem } from '@/sync/server';
import { wipeNoticeItem } from '@/sync/account';
import { notifiedItem } from '@/badge/notify';

/** The storage.local items that replaced WXT's storage (issue 15): the same keys, fallbacks and change events. */

beforeEach(() => fakeBrowser.reset());

describe('a storage.local item', () => {
  it('keeps the keys WXT kept, without its area prefix or a metadata key, so stored values survive the update', async () => {
    await fakeBrowser.storage.local.set({ serverUrl: 'https://sync.example', wipeNotice: { message: 'm', at: 't' }, notifiedOverdue: ['a'] });
    expect(await serverUrlItem.getValue()).toBe('https://sync.example');
    expect(await wipeNoticeItem.getValue()).toEqual({ message: 'm', at: 't' });
    expect(await notifiedItem.getValue()).toEqual(['a']);
    await serverUrlItem.setValue('https://other.example');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      serverUrl: 'https://other.example',
      wipeNotice: { message: 'm', at: 't' },
      notifiedOverdue: ['a'],
    });
  });

  it('reads its fallback while absent; null removes the key', async () => {
    const item = localItem<string[] | null>('k', null);
    expect(await item.getValue()).toBeNull();
    expect(await serverUrlItem.getValue()).toBe('http://fallback.test');
    await item.setValue(['x']);
    expect(await item.getValue()).toEqual(['x']);
    await item.setValue(null);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await item.setValue(['y']);
    await item.removeValue();
    expect(await item.getValue()).toBeNull();
  });

  it('watches its own key only, skips writes of an equal value, gives the fallback for a removal, and stops when unwatched', async () => {
    const item = localItem('notice', { n: 0 });
    const seen = vi.fn();
    const unwatch = item.watch(seen);
    await item.setValue({ n: 1 });
    await fakeBrowser.storage.local.set({ other: 1 });
    await item.setValue({ n: 1 });
    await item.removeValue();
    expect(seen.mock.calls).toEqual([
      [{ n: 1 }, { n: 0 }],
      [{ n: 0 }, { n: 1 }],
    ]);
    unwatch();
    await item.setValue({ n: 2 });
    expect(seen).toHaveBeenCalledTimes(2);
  });
});
