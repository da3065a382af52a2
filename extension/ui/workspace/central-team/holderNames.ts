import { todayInLondon } from '#shared/calendar';
import type { Leaver, Post, Staff } from '#shared/schema/index';
import { holderOf } from '#shared/staff/index';
import { getDb } from '@/db/database';
import { useLiveQuery } from '@/ui/hooks/useLiveQuery';
import { staffName } from '#shared/names';

/** Post id → the name of whoever holds it today (shared/staff's rule), for the establishment page. */
export function holderNames(posts: readonly Pick<Post, 'id'>[], staff: readonly Staff[], leavers: readonly Leaver[], today: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of posts) {
    const holder = holderOf(p.id, staff, leavers, today);
    if (holder) out.set(p.id, staffName(holder));
  }
  return out;
}

/** Who holds each post today, re-read when staff or leavers change; empty until read. */
export function useHolderNames(): ReadonlyMap<string, string> {
  const db = getDb();
  return (
    useLiveQuery(async () => {
      const [posts, staff, leavers] = await Promise.all([db.posts.toArray(), db.staff.toArray(), db.leavers.toArray()]);
      return holderNames(posts, staff, leavers, todayInLondon(new Date()));
    }, []) ?? new Map<string, string>()
  );
}
