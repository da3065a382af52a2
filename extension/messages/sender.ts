import type { Browser } from '#imports';

/** Only our own extension's pages and content scripts may talk to the background. */
export function isExtensionSender(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}
