/**
 * The applications the journeys tell a story about, written out one by one relative to asOf:
 * Priya's advert (journey 1), Tom's seventh and the candidate who withdrew over salary (journey 3).
 */
import type { ExitReason } from '../shared/schema/index';
import { addWorkingDays, subtractWorkingDays } from './dates';
import type { Intake } from './intake';
import { PRIYA, type TeamKey } from './people';
import type { Draft } from './pipeline';

export interface ScriptedFacts {
  priya: { awaiting: string[]; overdue: string[]; shortlisted: string[]; offered: string[]; exited: string[] };
  tomQueue: string[];
  duplicate: { applicationId: string; name: string; email: string };
  erasedApplicationId: string;
}

/** Tom's team: journey 1's advert and his shortlisting queue. */
export const CIC_TEAM: TeamKey = 'children_in_care';

/** Journey 1: the 14 applicants on Priya's Children in Care advert, by what the overlay counts. */
export function scriptPriyasAdvert(intake: Intake): ScriptedFacts['priya'] {
  const { pipeline, input } = intake;
  const facts: ScriptedFacts['priya'] = { awaiting: [], overdue: [], shortlisted: [], offered: [], exited: [] };
  const w = (days: number) => subtractWorkingDays(input.asOf, days);
  const cic = intake.vacancy('cic_sw');
  const shortlister = (date: string) => input.rota.managerFor(CIC_TEAM, 'shortlisting', date);
  const received = (daysAgo: number) => intake.scripted(cic, w(daysAgo));
  /** The shortlisting decision `daysAgo` working days back, by that week's shortlister, in whose queue it sat. */
  const decided = (d: Draft, daysAgo: number, stage: 'shortlisted' | 'rejected' = 'shortlisted', reason?: ExitReason) => {
    pipeline.push(d, { stage, date: w(daysAgo), by: shortlister(w(daysAgo)), reason });
    d.assignedTo = shortlister(w(daysAgo));
  };

  // Six awaiting a decision: two received six working days ago (target 5: overdue by 1), four due in 2.
  for (const days of [6, 6, 3, 3, 3, 3]) {
    const d = received(days);
    facts.awaiting.push(d.id);
    if (days === 6) facts.overdue.push(d.id);
  }
  // Three shortlisted this week or last: interviews due (5 working days) by Thursday.
  for (const [arrived, decision] of [[7, 2], [6, 2], [7, 3]] as const) {
    const d = received(arrived);
    decided(d, decision);
    facts.shortlisted.push(d.id);
  }
  // One offer out, after an interview three weeks ago.
  {
    const d = received(22);
    decided(d, 18);
    pipeline.interview(d, w(18), 4);
    pipeline.offer(d, w(14), 10);
    facts.offered.push(d.id);
  }
  // Four who left: two screened out, one unsuccessful at interview, one took another job.
  for (const [arrived, decision, reason] of [[20, 17, 'insufficient_experience'], [12, 9, 'no_swe_registration']] as const) {
    const d = received(arrived);
    decided(d, decision, 'rejected', reason);
    facts.exited.push(d.id);
  }
  {
    const d = received(22);
    decided(d, 18);
    pipeline.interview(d, w(18), 4);
    pipeline.exit(d, 'rejected', w(12), 'unsuccessful_interview');
    facts.exited.push(d.id);
  }
  {
    const d = received(16);
    decided(d, 13);
    pipeline.exit(d, 'withdrawn', w(10), 'took_another_job', PRIYA.id);
    facts.exited.push(d.id);
  }
  return facts;
}

/** Tom's seventh: the senior post in his team, due in 2 working days. */
export function scriptTomsSeventh(intake: Intake): Draft {
  return intake.scripted(intake.vacancy('cic_ssw'), subtractWorkingDays(intake.input.asOf, 3));
}

/** Journey 3: a candidate who applied before and withdrew over salary; she applies again. */
export function scriptReturningCandidate(intake: Intake): ScriptedFacts['duplicate'] {
  const { pipeline } = intake;
  const dup = intake.scripted(intake.vacancy('cp_campaign'), subtractWorkingDays(intake.input.asOf, 15));
  const decided = pipeline.screen(dup, 'shortlisted', true, 3);
  const interviewed = pipeline.interview(dup, decided, 3);
  pipeline.exit(dup, 'withdrawn', addWorkingDays(interviewed, 2), 'salary', PRIYA.id, 'Withdrew after interview: salary expectations above the grade');
  return { applicationId: dup.id, name: dup.candidate.name, email: dup.candidate.email };
}
