import { getDb } from '@/db/database';
import { upsertRecord } from '@/db/writes';
import type { BackgroundMessage } from '@/messages/protocol';
import type { OVERLAY_MESSAGES } from '@/messages/overlay';
import { registerHandlers } from '@/messages/router';
import { advertView, candidateView, captureCandidate, listingBadges, moveStage, trackAdvert } from './queries';

/** The background's answers to the page overlay (requests and who may send them: messages/overlay.ts). */
export function registerOverlayHandlers(): void {
  const db = () => getDb();
  registerHandlers<keyof typeof OVERLAY_MESSAGES & BackgroundMessage>({
    'overlay:advert': (r) => advertView(db(), r),
    'overlay:listing': (r) => listingBadges(db(), r.site, r.externalIds),
    'overlay:candidate': (r) => candidateView(db(), r),
    'overlay:track': (r) => trackAdvert(db(), r),
    'overlay:capture': (r) => captureCandidate(db(), r),
    'overlay:move': (r) => moveStage(db(), r),
    'overlay:teams': async () => (await db().teams.toArray()).map((t) => ({ id: t.id, name: t.name })),
    'overlay:profiles': (r) => db().site_profiles.where('host').equals(r.host).toArray(),
    'overlay:saveProfile': async (r) => {
      const { id, ...fields } = r.profile;
      return upsertRecord('site_profiles', id, fields, db());
    },
  });
}
