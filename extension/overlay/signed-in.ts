import { todayInLondon } from '#shared/calendar';
import { effectiveSettings } from '#shared/settings';
import { getSession } from '@/sync/session';

/** Who is signed in, the council's settings and today: what the overlay's lookups (background) and writes (frame) work from. */
export async function signedIn() {
  const session = await getSession();
  if (!session) throw new Error('Not signed in: open Shortlist options and sign in.');
  return { session, settings: effectiveSettings(session.me.settings), asOf: todayInLondon(new Date()) };
}
