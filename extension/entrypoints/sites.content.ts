import { defineContentScript } from '#imports';
import { runPageOverlay } from '@/overlay/content/mount';

/**
 * Every other site family (council ATSs, other boards, taught pages): registered at run time
 * for the hosts a person enabled (see overlay/background/site-access.ts), never for all sites.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main: (ctx) => runPageOverlay(ctx),
});
