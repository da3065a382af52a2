import { defineContentScript } from '#imports';
import { mountTeach } from '@/overlay/content/teach';
import { teachDone } from '@/overlay/content/teach-link';

/**
 * Teach mode, loaded into a tab by the background only when a person starts teaching from the
 * popup (so the page reader on every page stays small).
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main: () => {
    mountTeach(document, teachDone);
  },
});
