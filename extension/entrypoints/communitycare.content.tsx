import { defineContentScript } from '#imports';
import { runPageOverlay } from '@/overlay/content/mount';

// Community Care Jobs (Madgex) is granted at install; the demo origin only in builds made for `npm start`.
const matches = ['*://jobs.communitycare.co.uk/*'];
if (__SHORTLIST_DEMO_ORIGIN__) matches.push(`${new URL(__SHORTLIST_DEMO_ORIGIN__).origin}/*`);

export default defineContentScript({
  matches,
  cssInjectionMode: 'ui',
  main: (ctx) => runPageOverlay(ctx),
});
