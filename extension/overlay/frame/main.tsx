import { render } from 'preact';
import { askBackground } from '@/overlay/ask';
import { PageOverlay } from '@/overlay/ui/PageOverlay';
import type { ShellLayout } from '@/overlay/ui/Shell';

const SESSION = /^[0-9a-f]{32}$/;

/**
 * The overlay frame (overlay.html), framed by the content script into the page it read. Its
 * session id is in its own URL's fragment; framed by anyone else (the page may frame this
 * file itself: it is web-accessible) it has no valid session and shows nothing. It listens
 * to no `message` events: nothing a page posts to it is read.
 */
export function runOverlayFrame(root: HTMLElement): void {
  performance.mark('frame:start');
  const session = location.hash.slice(1);
  if (!SESSION.test(session)) return;
  let last = '';
  const onLayout = (layout: ShellLayout) => {
    const key = JSON.stringify(layout);
    if (key === last) return;
    last = key;
    void askBackground({ type: 'overlay:layout', session, ...layout }).catch(() => undefined);
  };
  render(<PageOverlay session={session} onLayout={onLayout} />, root);
}
