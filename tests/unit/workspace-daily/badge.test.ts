import { demo, demoDb } from './helpers';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TOM } from '#demo/index';
import { refreshBadge } from '@/badge/badge';
import { overdueItems, readMyQueue } from '@/badge/myQueue';
import { newlyOverdue, notifiedItem, notifyNewlyOverdue } from '@/badge/notify';
import { moveApplication } from '@/db/moves';
import { sessionItem } from '@/sync/session';

describe('newlyOverdue', () => {
  it('announces only keys not notified before and forgets keys no longer overdue', () => {
    expect(newlyOverdue(['a', 'b'], [])).toEqual({ announce: ['a', 'b'], remember: ['a', 'b'] });
    expect(newlyOverdue(['a', 'b'], ['a', 'b'])).toEqual({ announce: [], remember: ['a', 'b'] });
    expect(newlyOverdue(['b', 'c'], ['a', 'b'])).toEqual({ announce: ['c'], remember: ['b', 'c'] });
  });
});

describe("Tom's badge and notifications", () => {
  let badge: ReturnType<typeof vi.fn>;
  let colour: ReturnType<typeof vi.fn>;
  let notify: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    badge = vi.fn(async () => {});
    colour = vi.fn(async () => {});
    notify = vi.fn(async (id: string) => id);
  });
  const stub = () => {
    (fakeBrowser.action as unknown as Record<string, unknown>).setBadgeText = badge;
    (fakeBrowser.action as unknown as Record<string, unknown>).setBadgeBackgroundColor = colour;
    (fakeBrowser.notifications as unknown as Record<string, unknown>).create = notify;
  };

  it('counts his overdue queue items on the badge', async () => {
    const db = await demoDb();
    stub();
    const queue = await readMyQueue(db);
    const overdue = overdueItems(queue!.items).length;
    expect(overdue).toBeGreaterThan(0);
    expect(await refreshBadge(db)).toBe(overdue);
    expect(badge).toHaveBeenCalledWith({ text: String(overdue) });
    expect(colour).toHaveBeenCalledWith({ color: '#d4351c' });
  });

  it('clears the badge when signed out', async () => {
    await demoDb();
    stub();
    await sessionItem.setValue(null);
    expect(await refreshBadge()).toBe(0);
    expect(badge).toHaveBeenCalledWith({ text: '' });
  });

  it('notifies each overdue item once, and nothing when nothing changed', async () => {
    const db = await demoDb();
    stub();
    const first = await notifyNewlyOverdue(db);
    expect(first.length).toBeGreaterThan(0);
    expect(notify).toHaveBeenCalledTimes(first.length);
    expect(notify.mock.calls[0]![1]).toMatchObject({ type: 'basic', title: expect.stringMatching(/overdue \d+ working days?/) });
    expect(await notifiedItem.getValue()).toEqual(first);
    expect(await notifyNewlyOverdue(db)).toEqual([]);
    expect(notify).toHaveBeenCalledTimes(first.length);
    // Deciding one takes it off the list, without a new notification.
    const id = first[0]!.split(':')[0]!;
    const events = await db.stage_events.where('applicationId').equals(id).toArray();
    expect((await moveApplication({ applicationId: id, events, to: 'rejected', reason: 'not_qualified', by: TOM.id }, db)).ok).toBe(true);
    expect(await notifyNewlyOverdue(db)).toEqual([]);
    expect(await notifiedItem.getValue()).toHaveLength(first.length - 1);
    expect(demo.journeys.tom.queue).toContain(id);
  });

  it('opens the candidate when a notification is clicked', async () => {
    const db = await demoDb();
    stub();
    const create = vi.fn(async () => ({}));
    (fakeBrowser.tabs as unknown as Record<string, unknown>).create = create;
    (fakeBrowser.notifications as unknown as Record<string, unknown>).clear = vi.fn(async () => true);
    const [key] = await notifyNewlyOverdue(db);
    await fakeBrowser.notifications.onClicked.trigger(`overdue:${key}`);
    expect(create).toHaveBeenCalledWith({ url: expect.stringContaining(`/workspace.html#/candidate?id=${key!.split(':')[0]}`) });
  });
});
