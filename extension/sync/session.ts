import { storage } from '#imports';
import type { MeResponse } from '#shared/schema/index';

/** Who is signed in, where, with which token. Kept in extension storage, never in a web page. */
export interface Session {
  serverUrl: string;
  token: string;
  me: MeResponse;
  signedInAt: string;
}

export const sessionItem = storage.defineItem<Session | null>('local:session', { fallback: null });

export const getSession = () => sessionItem.getValue();
