import { rate } from './statistics';
import type { Rate } from './types';
import type { WorkforceFte } from './workforce';

/**
 * Vacancy rate as the DfE children's social work workforce census defines it: vacant
 * FTE, including posts covered by agency workers, / (that + FTE filled by the council's
 * own staff). Interim and secondment cover counts as filled.
 */
export function vacancyRate(fte: WorkforceFte): Rate {
  const vacant = fte.vacant + fte.agency;
  return rate(vacant, vacant + fte.permanent + fte.interim);
}
