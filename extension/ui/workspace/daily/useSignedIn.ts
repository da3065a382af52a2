import { useEffect, useState } from 'preact/hooks';
import { todayInLondon } from '#shared/calendar';
import type { Settings } from '#shared/schema/index';
import { effectiveSettings } from '#shared/settings';
import { sessionItem, type Session } from '@/sync/session';

export interface SignedIn {
  /** Undefined while loading, null when nobody is signed in. */
  session: Session | null | undefined;
  userId: string | null;
  settings: Settings;
  /** Today in Europe/London: the date targets are measured against. */
  asOf: string;
}

/** The signed-in user and the council's settings, kept current when the session changes. */
export function useSignedIn(): SignedIn {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  useEffect(() => {
    void sessionItem.getValue().then(setSession);
    return sessionItem.watch((value) => setSession(value));
  }, []);
  return {
    session,
    userId: session?.me.user.id ?? null,
    settings: effectiveSettings(session?.me.settings),
    asOf: todayInLondon(new Date()),
  };
}
