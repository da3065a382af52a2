import { browser, defineBackground } from '#imports';
import { registerCoreHandlers } from '@/messages/core-handlers';
import { registerOverlayHandlers } from '@/overlay/background/handlers';
import { watchPageLoads } from '@/overlay/background/page-loads';
import { timed } from '@/overlay/background/answer-timing';
import { dispatch } from '@/messages/router';
import { onSynced, startSyncScheduler } from '@/sync/scheduler';
import { refreshBadgeAndNotify } from '@/badge/index';
import { getDb } from '@/db/database';
import { startLocalRetention } from '@/db/retention';
import { wipeIfAccessEnded } from '@/sync/account';
import { getSession } from '@/sync/session';
import { effectiveSettings } from '#shared/settings';

/** Every answer, timed in the bench's builds only (the others leave the instrument out). */
const answer: <T>(type: unknown, run: () => Promise<T>) => Promise<T> = __SHORTLIST_ANSWER_TIMING__ ? timed : (_type, run) => run();

export default defineBackground(() => {
  // First, so a tab's load that woke the service worker finds its listener.
  watchPageLoads();
  registerCoreHandlers();
  registerOverlayHandlers();
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void answer((message as { type?: unknown } | null)?.type, () => dispatch(message, sender, { id: browser.runtime.id, origin: browser.runtime.getURL('/') })).then(sendResponse);
    return true;
  });
  startSyncScheduler();
  onSynced(() => void refreshBadgeAndNotify());
  // A token refused as revoked (or its user deactivated) wipes the council's data from this browser.
  onSynced((r) => void (r.error?.kind === 'auth' && wipeIfAccessEnded(getDb())));
  // Candidates past their retention date go from this browser even while it is offline.
  startLocalRetention(async () => {
    const session = await getSession();
    return session ? effectiveSettings(session.me.settings) : null;
  });
});
