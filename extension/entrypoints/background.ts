import { defineBackground } from '#imports';
import { checkHealth } from '@/sync/health';
import { isExtensionSender } from '@/messages/sender';
import type { Request } from '@/messages/protocol';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: Request, sender, sendResponse) => {
    if (!isExtensionSender(sender)) return false;
    if (message?.type === 'health') {
      checkHealth().then(sendResponse);
      return true;
    }
    return false;
  });
});
