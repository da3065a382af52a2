import { browser } from '#imports';
import { OVERLAY_FRAME_PATH } from '@/overlay/frame-path';
import type { Placement } from '@/overlay/views';

/** What the frame reports of itself (through the background): its size and where it wants to be. */
export interface FrameLayout {
  width: number;
  height: number;
  right: number;
  bottom: number;
}

export interface MountedFrame {
  session: string;
  place(layout: FrameLayout): void;
  remove(): void;
}

const HOST_TAG = 'shortlist-overlay';

/**
 * The overlay in the page: an extension-origin frame (overlay.html) inside a closed shadow root.
 * Page scripts can neither read the frame (another origin) nor reach the element (closed root);
 * the session id travels in the frame's URL, which the page cannot read. If the page navigates
 * the frame elsewhere (a parent may set a child frame's location) it is removed at once, so no
 * page of the site's choosing ever sits where the overlay was.
 */
export function mountFrame(doc: Document, session: string, placement: Placement, onGone: () => void): MountedFrame {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('style', 'all: initial !important; display: block !important;');
  const root = host.attachShadow({ mode: 'closed' });
  const frame = doc.createElement('iframe');
  // Invisible until the frame has drawn and said how big it is.
  frame.setAttribute(
    'style',
    `all: initial; position: fixed; z-index: 2147483646; border: 0; margin: 0; padding: 0; background: transparent; color-scheme: normal; width: 0; height: 0; right: ${placement.right}px; bottom: ${placement.bottom}px;`,
  );
  frame.setAttribute('title', 'Shortlist');
  frame.setAttribute('referrerpolicy', 'no-referrer');
  frame.src = `${browser.runtime.getURL(OVERLAY_FRAME_PATH as '/overlay.html')}#${session}`;
  let loads = 0;
  const remove = () => {
    host.remove();
  };
  frame.addEventListener('load', () => {
    if (++loads > 1) {
      remove();
      onGone();
    }
  });
  root.append(frame);
  (doc.body ?? doc.documentElement).append(host);
  return {
    session,
    place(layout) {
      const px = (n: number) => `${Math.max(0, Math.round(n))}px`;
      // Kept inside the page's window (the frame cannot see it): a long panel scrolls inside its frame.
      const right = Math.min(layout.right, innerWidth - 80);
      const bottom = Math.min(layout.bottom, innerHeight - 40);
      const height = Math.min(layout.height, innerHeight * 0.7, innerHeight - bottom);
      Object.assign(frame.style, { width: px(Math.min(layout.width, innerWidth)), height: px(height), right: px(right), bottom: px(bottom) });
    },
    remove,
  };
}
