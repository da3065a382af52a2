import { rate } from './statistics';
import type { Rate } from './types';
import type { WorkforceFte } from './workforce';

/** Agency rate: agency FTE / (agency FTE + FTE of the council's own staff, interim included). */
export function agencyRate(fte: WorkforceFte): Rate {
  return rate(fte.agency, fte.agency + fte.permanent + fte.interim);
}
