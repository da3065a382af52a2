import type { AdvertListResult } from '@/sites/types';
import type { ListingBadge } from '@/overlay/views';

const BADGE_ATTR = 'data-shortlist-badge';

/**
 * A small badge next to each listed job the council tracks, in its own shadow root so the
 * board's CSS does not reach it. Placed after the link to the advert.
 */
export function placeListingBadges(doc: Document, list: AdvertListResult, badges: ListingBadge[]): number {
  for (const old of doc.querySelectorAll(`[${BADGE_ATTR}]`)) old.remove();
  const byId = new Map(badges.map((b) => [b.externalId, b]));
  let placed = 0;
  for (const item of list.items) {
    const badge = item.externalId ? byId.get(item.externalId) : undefined;
    if (!badge) continue;
    const link = [...doc.querySelectorAll<HTMLAnchorElement>('a[href]')].find((a) => a.href === item.href);
    if (!link) continue;
    const host = doc.createElement('span');
    host.setAttribute(BADGE_ATTR, item.externalId!);
    const root = host.attachShadow({ mode: 'open' });
    const span = doc.createElement('span');
    span.textContent = `Shortlist: ${badge.applicants} applicant${badge.applicants === 1 ? '' : 's'}${badge.overdue ? `, ${badge.overdue} overdue` : ''}`;
    span.setAttribute('style', `margin-left:6px;padding:1px 6px;border-radius:8px;font:12px system-ui,sans-serif;color:#fff;background:${badge.overdue ? '#d4351c' : '#1d70b8'}`);
    root.append(span);
    link.after(host);
    placed++;
  }
  return placed;
}
