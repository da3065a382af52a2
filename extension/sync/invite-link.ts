import type { Browser } from '#imports';
import { invitationLinkCode } from '#shared/api/invitations';
import { serverUrl } from './server';

/** The origins an invitation link may come from: the server this browser uses (signed in, or the build's default). */
export async function trustedServerUrls(): Promise<string[]> {
  return [...new Set([await serverUrl(), __SHORTLIST_SERVER_URL__.replace(/\/+$/, '')])];
}

/**
 * The invitation of the tab that asked: its code from the tab's own URL, never from the page's
 * content or the message, and only on a Shortlist server's /invite/ page. Anything else throws.
 */
export async function invitationFromSender(sender: Browser.runtime.MessageSender, servers?: string[]): Promise<{ serverUrl: string; code: string }> {
  const url = sender.url ?? sender.tab?.url;
  if (!url) throw new Error('Sign in from the invitation page itself');
  const page = new URL(url);
  const server = (servers ?? (await trustedServerUrls())).find((s) => new URL(s).origin === page.origin);
  if (!server) throw new Error(`This page (${page.origin}) is not your Shortlist server: enter the code in Shortlist's settings instead`);
  const code = invitationLinkCode(page.pathname);
  if (!code) throw new Error('This page is not a Shortlist invitation: enter the code from the email in Shortlist\'s settings');
  return { serverUrl: server, code };
}
