import { defineContentScript } from '#imports';
import { runPageOverlay } from '@/overlay/content/mount';
import { contentScriptMatches } from '@/overlay/matches';

// Community Care Jobs (Madgex) is granted at install; the demo origin only in builds made for `npm start`.
// At document_end (DOMContentLoaded): the page is read at once, the frame is added after `load`.
export default defineContentScript({
  matches: contentScriptMatches(__SHORTLIST_DEMO_ORIGIN__),
  runAt: 'document_end',
  main: (ctx) => runPageOverlay(ctx),
});
