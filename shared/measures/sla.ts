import type { ApplicationFacts } from './facts';
import { rate } from './statistics';
import type { Rate } from './types';

export interface SlaCounts {
  met: number;
  missed: number;
  /** Still waiting and not yet due: left out, since the outcome is not known. */
  pending: number;
  /** Left before the step was needed (withdrew before a decision, exited before interview) while still in time: left out. */
  excluded: number;
  /** met / (met + missed). */
  rate: Rate;
}

export interface Sla {
  /** Shortlisting decision (shortlisted or rejected) within the shortlisting target of the ready date. */
  shortlisting: SlaCounts;
  /** Shortlisted candidates interviewed (or booked to be) within the interview target of shortlisting. */
  interview: SlaCounts;
}

/**
 * How undecided items count: one still waiting counts as missed once its due date has
 * passed (the breach is already certain), and is left out before then; one that left
 * (withdrew, or for interviews any exit) counts as missed if it left after the due date,
 * else is left out. A booked interview on or before the due date counts as met.
 */
export function sla(facts: readonly ApplicationFacts[], asOfDay: number): Sla {
  const s: SlaCounts = { met: 0, missed: 0, pending: 0, excluded: 0, rate: null };
  const i: SlaCounts = { met: 0, missed: 0, pending: 0, excluded: 0, rate: null };
  for (const f of facts) {
    s[shortlistingOutcome(f, asOfDay)]++;
    // The due day was worked out with the facts (facts.ts), from the same settings.
    const due = f.interviewDueDay;
    if (due === null) continue;
    i[outcome(f.interviewHeldDay ?? f.interviewBookedDay, due, f.exit?.day ?? null, asOfDay)]++;
  }
  s.rate = rate(s.met, s.met + s.missed);
  i.rate = rate(i.met, i.met + i.missed);
  return { shortlisting: s, interview: i };
}

export type SlaOutcome = 'met' | 'missed' | 'pending' | 'excluded';

function outcome(doneDay: number | null, dueDay: number, exitDay: number | null, asOfDay: number): SlaOutcome {
  if (doneDay !== null) return doneDay <= dueDay ? 'met' : 'missed';
  if (exitDay !== null) return exitDay > dueDay ? 'missed' : 'excluded';
  return asOfDay > dueDay ? 'missed' : 'pending';
}

export const shortlistingOutcome = (f: ApplicationFacts, asOfDay: number): SlaOutcome =>
  outcome(f.decisionDay, f.shortlistDueDay, f.exit?.day ?? null, asOfDay);
