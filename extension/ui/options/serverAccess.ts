import { browser } from '#imports';

/** Asks for the server's host permission at sign-in (the build's default server is granted at install). */
export async function requestServerAccess(serverUrl: string): Promise<boolean> {
  const origin = `${new URL(serverUrl).origin}/*`;
  if (await browser.permissions.contains({ origins: [origin] })) return true;
  return browser.permissions.request({ origins: [origin] });
}
