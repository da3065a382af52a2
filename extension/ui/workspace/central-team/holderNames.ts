import type { Leaver, Post, Staff } from '#shared/schema/index';
import { holderOf } from '#shared/staff/index';

/** Post id → the name of whoever holds it today (shared/staff's rule), for the establishment page. */
export function holderNames(posts: readonly Pick<Post, 'id'>[], staff: readonly Staff[], leavers: readonly Leaver[], today: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of posts) {
    const holder = holderOf(p.id, staff, leavers, today);
    if (holder) out.set(p.id, holder.name);
  }
  return out;
}
