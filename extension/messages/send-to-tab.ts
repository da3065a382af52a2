import { browser } from '#imports';
import { PROTOCOL, type RequestInput, type TabMessage } from './protocol';

/** Sends a message to the overlay in a tab (validated here: a tab's content script takes only what the protocol says); throws when no overlay runs there. */
export async function sendToTab<K extends TabMessage>(tabId: number, request: RequestInput<K> & { type: K }): Promise<void> {
  await browser.tabs.sendMessage(tabId, PROTOCOL[request.type].request.parse(request));
}
