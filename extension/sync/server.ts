import { localItem } from '@/db/local-item';

/** The sync server's base URL: the one chosen at sign-in, else the build's default. */
export const serverUrlItem = localItem<string>('serverUrl', __SHORTLIST_SERVER_URL__);

export async function serverUrl(): Promise<string> {
  return (await serverUrlItem.getValue()).replace(/\/+$/, '');
}
