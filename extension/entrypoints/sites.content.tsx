import { defineContentScript } from '#imports';
import { runPageOverlay } from '@/page-overlay/mount';

/**
 * Every other site family (council ATSs, other boards, taught pages): registered at run time
 * for the hosts a person enabled (see page-overlay/site-access.ts), never for all sites.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'ui',
  main: (ctx) => runPageOverlay(ctx),
});
