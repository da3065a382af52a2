import { calendarDaysBetween } from '../calendar';
import type { Transfer } from '../schema/retention';
import { inPeriod } from './filters';
import { summarise } from './statistics';
import type { ReportFilters, Summary } from './types';

export type TransferFacts = Pick<Transfer, 'fromTeamId' | 'toTeamId' | 'requestedOn' | 'decidedOn' | 'decision' | 'movedOn'>;

export interface Transfers {
  /** Requests made in the period, by their decision so far. */
  requested: number;
  byDecision: Record<Transfer['decision'], number>;
  moved: number;
  /** Calendar days from request to decision, and from request to move: the protocol's waiting time. */
  daysToDecision: Summary;
  daysToMove: Summary;
}

/** Internal transfers requested in the period (by request date), from or to the teams filtered. */
export function transfers(records: readonly TransferFacts[], filters: ReportFilters): Transfers {
  const out = { requested: 0, byDecision: { pending: 0, approved: 0, declined: 0, withdrawn: 0 }, moved: 0 };
  const toDecision: number[] = [];
  const toMove: number[] = [];
  for (const t of records) {
    if ((filters.from || filters.to) && !inPeriod(t.requestedOn, filters)) continue;
    if (filters.teamIds?.length && !filters.teamIds.includes(t.fromTeamId) && !filters.teamIds.includes(t.toTeamId)) continue;
    out.requested++;
    out.byDecision[t.decision]++;
    if (t.decidedOn) toDecision.push(calendarDaysBetween(t.requestedOn, t.decidedOn));
    if (t.movedOn) {
      out.moved++;
      toMove.push(calendarDaysBetween(t.requestedOn, t.movedOn));
    }
  }
  return { ...out, daysToDecision: summarise(toDecision), daysToMove: summarise(toMove) };
}
