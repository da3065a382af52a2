import { browser } from '#imports';
import { loadPlacement, type Placement } from '@/overlay/placement';

/**
 * Each site's overlay placement as last read from the extension's storage, kept until that
 * storage changes (the frame saves a placement there when a person moves or folds it): an
 * `overlay:open` and an injection's hint need no storage round trip at a page's load.
 */
const known = new Map<string, Promise<Placement>>();

/** With the overlay's handlers: from then on, a change to the extension's local storage forgets what was read. */
export function watchPlacements(): void {
  known.clear();
  browser.storage.onChanged.addListener((_changes, area) => area === 'local' && known.clear());
}

export function placementAt(host: string): Promise<Placement> {
  let placement = known.get(host);
  if (!placement) known.set(host, (placement = loadPlacement(host)));
  return placement;
}
