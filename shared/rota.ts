import { mondayOf } from './calendar';
import type { Application, Duty, RotaSlot, Vacancy } from './schema/recruitment';
import type { StageEvent } from './schema/stage';
import { currentStage, indexEvents, type TimedEvent } from './stages';
import { applicationTarget, compareDue, type TargetResult, type TargetSettings } from './targets';

/**
 * Who is on duty (Herefordshire: team managers on a rota for shortlisting and
 * interviewing). A slot's scope is a vacancy, a team, or the whole council (neither);
 * the most specific scope with anyone on duty that week wins: vacancy, then any of the
 * vacancy's teams, then council-wide.
 */

export type RotaScope = 'vacancy' | 'team' | 'council';
export interface OnDuty {
  scope: RotaScope | null;
  /** Distinct manager ids, sorted, so every replica picks the same one. */
  managerIds: string[];
}

/** Managers on a duty in the week of `date` for a vacancy, at the most specific scope. */
export function onDuty(slots: readonly RotaSlot[], date: string, duty: Duty, vacancy: Pick<Vacancy, 'id' | 'teamIds'>): OnDuty {
  const week = mondayOf(date);
  const byScope: Record<RotaScope, Set<string>> = { vacancy: new Set(), team: new Set(), council: new Set() };
  for (const slot of slots) {
    if (slot.duty !== duty || mondayOf(slot.week) !== week) continue;
    if (slot.vacancyId) {
      if (slot.vacancyId === vacancy.id) byScope.vacancy.add(slot.managerId);
    } else if (slot.teamId) {
      if (vacancy.teamIds.includes(slot.teamId)) byScope.team.add(slot.managerId);
    } else byScope.council.add(slot.managerId);
  }
  for (const scope of ['vacancy', 'team', 'council'] as const) {
    if (byScope[scope].size > 0) return { scope, managerIds: [...byScope[scope]].sort() };
  }
  return { scope: null, managerIds: [] };
}

/** FNV-1a, 32-bit: a stable spread of applications over managers sharing a scope. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The manager on `duty` (shortlisting by default) in the week of `date` for the
 * application's vacancy; null when nobody is on the rota. Several managers in the same
 * scope share the work by a hash of the application id, the same on every replica.
 */
export function assignApplication(
  application: Pick<Application, 'id'>,
  vacancy: Pick<Vacancy, 'id' | 'teamIds'>,
  slots: readonly RotaSlot[],
  date: string,
  duty: Duty = 'shortlisting',
): string | null {
  const { managerIds } = onDuty(slots, date, duty, vacancy);
  if (managerIds.length === 0) return null;
  return managerIds[hashId(application.id) % managerIds.length] ?? null;
}

export type QueueKind = 'shortlisting_decision' | 'interview_booking';
export interface QueueItem {
  kind: QueueKind;
  application: Application;
  vacancy: Vacancy;
  target: TargetResult;
}

export interface QueueInput {
  applications: readonly Application[];
  vacancies: readonly Vacancy[];
  events: readonly StageEvent[] | ReadonlyMap<string, readonly TimedEvent[]>;
  slots: readonly RotaSlot[];
  settings: TargetSettings;
  /** Today (Europe/London); its week decides the rota. */
  asOf: string;
}

/**
 * A manager's queue this week, soonest due first:
 * - applications at Applied awaiting their shortlisting decision: those assigned to the
 *   manager, and unassigned ones whose shortlisting-duty manager this week is the manager
 *   (weekly review: whoever is on duty clears the backlog);
 * - shortlisted applications awaiting an interview booking: owned by the interviewing-duty
 *   manager this week, or, with nobody on interviewing duty, by the assigned manager.
 * Cancelled and filled vacancies are left out.
 */
export function queueFor(managerId: string, input: QueueInput): QueueItem[] {
  const { settings, asOf } = input;
  const week = mondayOf(asOf);
  const slots = input.slots.filter((s) => mondayOf(s.week) === week);
  const index = Array.isArray(input.events) ? indexEvents(input.events) : (input.events as ReadonlyMap<string, readonly TimedEvent[]>);
  const vacancies = new Map(input.vacancies.map((v) => [v.id, v]));
  const items: QueueItem[] = [];
  for (const application of input.applications) {
    const vacancy = vacancies.get(application.vacancyId);
    if (!vacancy || vacancy.status === 'cancelled' || vacancy.status === 'filled') continue;
    const events = index.get(application.id) ?? [];
    const stage = currentStage(events);
    let kind: QueueKind | null = null;
    if (stage === 'applied') {
      const owner = application.assignedTo ?? assignApplication(application, vacancy, slots, asOf, 'shortlisting');
      if (owner === managerId) kind = 'shortlisting_decision';
    } else if (stage === 'shortlisted') {
      const owner = assignApplication(application, vacancy, slots, asOf, 'interviewing') ?? application.assignedTo ?? null;
      if (owner === managerId) kind = 'interview_booking';
    }
    if (kind) items.push({ kind, application, vacancy, target: applicationTarget(application, vacancy, events, settings, asOf) });
  }
  return items.sort((a, b) => compareDue(a.target, b.target) || (a.application.id < b.application.id ? -1 : 1));
}
