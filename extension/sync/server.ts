import { storage } from '#imports';

/** The sync server's base URL: the one chosen at sign-in, else the build's default. */
export const serverUrlItem = storage.defineItem<string>('local:serverUrl', {
  fallback: __SHORTLIST_SERVER_URL__,
});

export async function serverUrl(): Promise<string> {
  return (await serverUrlItem.getValue()).replace(/\/+$/, '');
}
