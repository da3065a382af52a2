import type { ApplicationFacts } from './facts';
import { PIPELINE_INDEX } from './facts';
import { rate } from './statistics';
import type { Rate } from './types';

export interface OfferAcceptance {
  /** Offers accepted (reached Accepted, even if they later withdrew). */
  accepted: number;
  /** Withdrawn while holding an offer, or with the reason "declined offer", never having accepted. */
  declined: number;
  /** Offers still open: neither accepted nor declined. Left out of the rate. */
  open: number;
  /** accepted / (accepted + declined). */
  rate: Rate;
}

export function offerAcceptance(facts: readonly ApplicationFacts[]): OfferAcceptance {
  const acceptedIndex = PIPELINE_INDEX.accepted!;
  let accepted = 0;
  let declined = 0;
  let open = 0;
  for (const f of facts) {
    if (f.furthest >= acceptedIndex) accepted++;
    else if (f.exit?.kind === 'withdrawn' && (f.exit.from === 'offered' || f.exit.reason === 'declined_offer')) declined++;
    else if (f.stage === 'offered') open++;
  }
  return { accepted, declined, open, rate: rate(accepted, accepted + declined) };
}
