import { defineContentScript } from '#imports';
import { runPageOverlay } from '@/overlay/content/mount';
import { contentScriptMatches } from '@/overlay/matches';

// Community Care Jobs (Madgex) is granted at install; the demo origin only in builds made for `npm start`.
export default defineContentScript({
  matches: contentScriptMatches(__SHORTLIST_DEMO_ORIGIN__),
  cssInjectionMode: 'ui',
  main: (ctx) => runPageOverlay(ctx),
});
