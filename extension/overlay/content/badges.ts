import type { ListingBadge } from '@/overlay/views';
import { cssString } from './css-text';

const BADGE_ATTR = 'data-shortlist-badge';

const badgeText = (b: ListingBadge) => `Shortlist: ${b.applicants} applicant${b.applicants === 1 ? '' : 's'}${b.overdue ? `, ${b.overdue} overdue` : ''}`;

/**
 * A small badge next to each listed job the council tracks. Its counts are council data, so
 * they live where page scripts cannot read them: a closed shadow root, drawn as CSS generated
 * content (no text node: not in textContent, innerText or a selection of the page), and named
 * to screen readers by an aria-label inside the closed root.
 */
export function placeListingBadges(doc: Document, links: Array<{ externalId?: string; href: string }>, badges: ListingBadge[]): number {
  for (const old of doc.querySelectorAll(`[${BADGE_ATTR}]`)) old.remove();
  const byId = new Map(badges.map((b) => [b.externalId, b]));
  let placed = 0;
  for (const item of links) {
    const badge = item.externalId ? byId.get(item.externalId) : undefined;
    if (!badge) continue;
    const link = [...doc.querySelectorAll<HTMLAnchorElement>('a[href]')].find((a) => a.href === item.href);
    if (!link) continue;
    const host = doc.createElement('span');
    host.setAttribute(BADGE_ATTR, '');
    const root = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = `span{margin-left:6px;padding:1px 6px;border-radius:8px;font:12px system-ui,sans-serif;color:#fff;background:${badge.overdue ? '#d4351c' : '#1d70b8'}}span::after{content:${cssString(badgeText(badge))}}`;
    const span = doc.createElement('span');
    span.setAttribute('role', 'img');
    span.setAttribute('aria-label', badgeText(badge));
    root.append(style, span);
    link.after(host);
    placed++;
  }
  return placed;
}
