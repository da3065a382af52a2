/** The overlay's extension page, framed into the pages it reads (entrypoints/overlay/). */
export const OVERLAY_FRAME_PATH = '/overlay.html';
