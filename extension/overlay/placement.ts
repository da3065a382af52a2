import { browser } from '#imports';
import type { Placement } from './views';

export type { Placement } from './views';

export const DEFAULT_PLACEMENT: Placement = { right: 16, bottom: 16, collapsed: false };

const keyFor = (host: string) => `overlay-placement:${host}`;

function valid(value: unknown): Placement | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const ok = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  return ok(v.right) && ok(v.bottom) && typeof v.collapsed === 'boolean' ? { right: v.right as number, bottom: v.bottom as number, collapsed: v.collapsed } : null;
}

/**
 * Kept in the extension's storage, not the page's: every tab of the site gets it, it outlives
 * the session, and the page cannot read or change it.
 */
export async function loadPlacement(host: string): Promise<Placement> {
  try {
    const stored = await browser.storage.local.get(keyFor(host));
    return valid(stored[keyFor(host)]) ?? { ...DEFAULT_PLACEMENT };
  } catch {
    return { ...DEFAULT_PLACEMENT };
  }
}

export async function savePlacement(host: string, placement: Placement): Promise<void> {
  try {
    await browser.storage.local.set({ [keyFor(host)]: placement });
  } catch {
    // The extension was reloaded under the page: the placement is simply not remembered.
  }
}
