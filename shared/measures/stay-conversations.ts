import { inPeriod } from './filters';
import { periodOf } from './over-time';
import { staffMatches, type StaffFacts } from './staff-in-post';
import type { ReportFilters } from './types';

/** What the measure reads of a Stay conversation; whose it was serves the team and role filters only. */
export interface StayConversationFacts {
  staffId: string;
  heldDate: string;
  outcome?: string | null;
  themes?: readonly string[] | null;
}

/** Counts only: no row names or points to a person, so a report can show it to anyone. */
export interface StayQuarter {
  quarter: string;
  held: number;
  /** Outcome → count ('open' while there is none yet). */
  outcomes: Record<string, number>;
  themes: Record<string, number>;
}

/** Stay conversations per quarter held: how many, their outcomes and their themes. */
export function stayConversations(conversations: readonly StayConversationFacts[], staff: readonly StaffFacts[], filters: ReportFilters): StayQuarter[] {
  const staffOf = new Map(staff.map((s) => [s.id, s]));
  const quarters = new Map<string, StayQuarter>();
  for (const c of conversations) {
    const s = staffOf.get(c.staffId);
    if (!s || !staffMatches(s, filters) || !inPeriod(c.heldDate, filters)) continue;
    const quarter = periodOf(c.heldDate, 'quarter');
    let q = quarters.get(quarter);
    if (!q) quarters.set(quarter, (q = { quarter, held: 0, outcomes: {}, themes: {} }));
    q.held++;
    const outcome = c.outcome ?? 'open';
    q.outcomes[outcome] = (q.outcomes[outcome] ?? 0) + 1;
    for (const theme of new Set(c.themes ?? [])) q.themes[theme] = (q.themes[theme] ?? 0) + 1;
  }
  return [...quarters.values()].sort((a, b) => a.quarter.localeCompare(b.quarter));
}
