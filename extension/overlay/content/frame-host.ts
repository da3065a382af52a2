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
 * Where an overlay of this size and place goes in the page's window, kept inside it (the frame
 * cannot see the window): a long panel scrolls inside its frame. The content script's summary
 * is held to the same box, so the frame takes its place without a jump.
 */
export function clampToWindow(layout: FrameLayout): FrameLayout {
  const right = Math.min(layout.right, innerWidth - 80);
  const bottom = Math.min(layout.bottom, innerHeight - 40);
  return { width: Math.min(layout.width, innerWidth), height: Math.min(layout.height, innerHeight * 0.7, innerHeight - bottom), right, bottom };
}

const px = (n: number) => `${Math.max(0, Math.round(n))}px`;

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
      const box = clampToWindow(layout);
      Object.assign(frame.style, { width: px(box.width), height: px(box.height), right: px(box.right), bottom: px(box.bottom) });
    },
    remove,
  };
}
