import { browser, defineBackground } from '#imports';
import { registerCoreHandlers } from '@/messages/core-handlers';
import { registerOverlayHandlers } from '@/overlay/background/handlers';
import { watchSiteAccess } from '@/overlay/background/site-access';
import { dispatch } from '@/messages/router';
import { onSynced, startSyncScheduler } from '@/sync/scheduler';
import { refreshBadgeAndNotify } from '@/badge/index';

export default defineBackground(() => {
  registerCoreHandlers();
  registerOverlayHandlers();
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    dispatch(message, sender, { id: browser.runtime.id, origin: browser.runtime.getURL('/') }).then(sendResponse);
    return true;
  });
  startSyncScheduler();
  onSynced(() => void refreshBadgeAndNotify());
  watchSiteAccess();
});
