import type { StayConversation } from '../schema/retention';
import { inPeriod } from './filters';
import { periodOf } from './over-time';
import type { ReportFilters } from './types';

/**
 * What the measure reads of a Stay conversation: when, the outcome and the themes. Never whose it
 * was: other views do not even hold that (the server keeps it for the holder and admins).
 */
export type StayConversationFacts = Pick<StayConversation, 'heldOn' | 'outcome'> & { themes?: readonly string[] | null };

/** Counts only: no row names or points to a person, so a report can show it to anyone. */
export interface StayQuarter {
  quarter: string;
  held: number;
  /** Outcome → count. */
  outcomes: Record<string, number>;
  themes: Record<string, number>;
}

/**
 * Stay conversations per quarter held: how many, their outcomes and their themes. The period
 * applies; team and role filters do not: a small team's count would point at the person.
 */
export function stayConversations(conversations: readonly StayConversationFacts[], filters: Pick<ReportFilters, 'from' | 'to'>): StayQuarter[] {
  const quarters = new Map<string, StayQuarter>();
  for (const c of conversations) {
    if ((filters.from || filters.to) && !inPeriod(c.heldOn, filters)) continue;
    const quarter = periodOf(c.heldOn, 'quarter');
    let q = quarters.get(quarter);
    if (!q) quarters.set(quarter, (q = { quarter, held: 0, outcomes: {}, themes: {} }));
    q.held++;
    q.outcomes[c.outcome] = (q.outcomes[c.outcome] ?? 0) + 1;
    for (const theme of new Set(c.themes ?? [])) q.themes[theme] = (q.themes[theme] ?? 0) + 1;
  }
  return [...quarters.values()].sort((a, b) => a.quarter.localeCompare(b.quarter));
}
