import { inPeriod } from './filters';
import { rate } from './statistics';
import { staffMatches, type StaffFacts } from './staff-in-post';
import type { Rate, ReportFilters } from './types';

export interface AgencyConversions {
  /** Permanent starters in the period. */
  starters: number;
  /** Of those, who had worked here through an agency. */
  conversions: number;
  /** conversions / starters. */
  share: Rate;
}

/** Agency-to-permanent conversions: permanent starters in the period (by start date) who came from agency work here. */
export function agencyConversions(staff: readonly StaffFacts[], filters: ReportFilters): AgencyConversions {
  let starters = 0;
  let conversions = 0;
  for (const s of staff) {
    if (!staffMatches(s, filters) || !inPeriod(s.startDate, filters)) continue;
    starters++;
    if (s.fromAgency) conversions++;
  }
  return { starters, conversions, share: rate(conversions, starters) };
}
