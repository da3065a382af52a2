/**
 * Safer-recruitment checks for a candidate who accepted an offer. The DBS and references are
 * what usually hold a start date, so they take longest; anything due after asOf is left
 * outstanding, which is how the demo shows start dates on hold.
 */
import type { Check, CheckKind } from '../shared/schema/index';
import { addWorkingDays, dateMs, mondayOf, addDays } from './dates';
import type { Rng } from './prng';

/** Working days from request to receipt for each check. */
const TURNAROUND: Record<CheckKind, [number, number]> = {
  identity_right_to_work: [0, 3],
  dbs_barred_list: [8, 28],
  references: [4, 15],
  swe_registration: [0, 1],
  qualifications: [1, 6],
  occupational_health: [3, 10],
  employment_gaps: [1, 5],
  overseas_conduct: [15, 35],
};

const HOLD_NOTES: Partial<Record<CheckKind, string>> = {
  dbs_barred_list: 'Start date on hold until the enhanced DBS is back',
  references: 'Start date on hold: second reference not yet received',
  overseas_conduct: 'Start date on hold: certificate of good conduct requested from overseas',
  occupational_health: 'Start date on hold until occupational health clearance',
};

export interface CheckPlan {
  checks: Check[];
  /** When every check cleared (may be after the cutoff: then not yet). */
  completeDate: string;
  startDate: string;
}

export function planChecks(applicationId: string, accepted: string, internal: boolean, cutoff: string, rng: Rng): CheckPlan {
  // HR asks for everything the day the offer is accepted.
  const requested = accepted;
  const overseas = rng.chance(0.15);
  let lastCleared = requested;
  const drafts = (Object.keys(TURNAROUND) as CheckKind[]).map((kind) => {
    if (kind === 'overseas_conduct' && !overseas) return { kind, notApplicable: true as const };
    const [lo, hi] = TURNAROUND[kind];
    const received = addWorkingDays(requested, rng.int(lo, hi));
    const cleared = addWorkingDays(received, rng.int(0, 2));
    if (cleared > lastCleared) lastCleared = cleared;
    return { kind, requested, received, cleared };
  });
  const completeDate = addWorkingDays(lastCleared, rng.int(0, 1));
  // Notice periods: four weeks for someone leaving another employer, two for a transfer.
  const notice = addWorkingDays(accepted, internal ? 10 : rng.int(20, 25));
  const earliest = completeDate > notice ? addWorkingDays(completeDate, 3) : notice;
  // People start on a Monday.
  const startDate = addWorkingDays(addDays(mondayOf(earliest), 7), 0);

  const checks = drafts.map((d): Check => {
    const base = { id: rng.uuid(dateMs(requested)), applicationId, kind: d.kind };
    if ('notApplicable' in d) return { ...base, notApplicable: true };
    const seen = (date: string) => (date <= cutoff ? date : null);
    return { ...base, requested: seen(d.requested), received: seen(d.received), cleared: seen(d.cleared) };
  });
  // Say what holds the start date: the slow check still outstanding, else the first one.
  const outstanding = checks.filter((c) => c.requested && !c.cleared);
  const holding = outstanding.find((c) => HOLD_NOTES[c.kind]) ?? outstanding[0];
  if (holding) holding.note = HOLD_NOTES[holding.kind] ?? 'Start date on hold until this check is cleared';
  return { checks, completeDate, startDate };
}
