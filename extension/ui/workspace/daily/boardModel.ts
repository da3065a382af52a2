import { EXIT_STAGES, OPEN_STAGES, type Application, type Settings, type Source, type Stage, type Vacancy } from '#shared/schema/index';
import { stageHistory } from '#shared/stages';
import { applicationTarget, compareDue, type TargetResult } from '#shared/targets';
import type { CsvColumn } from '@/ui/csv/toCsv';
import { eventsOf, type DailyData } from './data';

export interface BoardFilters {
  vacancyId: string | null;
  teamId: string | null;
  role: Vacancy['role'] | null;
  /** Manager the application is assigned to. */
  assignedTo: string | null;
  source: Source | null;
  overdueOnly: boolean;
}

export const NO_FILTERS: BoardFilters = { vacancyId: null, teamId: null, role: null, assignedTo: null, source: null, overdueOnly: false };

export interface BoardCard {
  application: Application;
  vacancy: Vacancy;
  stage: Stage;
  /** Calendar days since the application entered its current stage. */
  daysInStage: number;
  target: TargetResult;
}

export interface BoardColumn {
  stage: Stage;
  cards: BoardCard[];
}

export interface Board {
  columns: BoardColumn[];
  exits: BoardColumn[];
  total: number;
}

/** Does an application pass the filters (the vacancy, team and role come from its vacancy)? */
export function matchesFilters(card: BoardCard, filters: BoardFilters): boolean {
  if (filters.vacancyId && card.vacancy.id !== filters.vacancyId) return false;
  if (filters.teamId && !card.vacancy.teamIds.includes(filters.teamId)) return false;
  if (filters.role && card.vacancy.role !== filters.role) return false;
  if (filters.assignedTo && card.application.assignedTo !== filters.assignedTo) return false;
  if (filters.source && card.application.source !== filters.source) return false;
  if (filters.overdueOnly && card.target.status !== 'red') return false;
  return true;
}

/** Cards of every application, grouped by current stage: open stages as columns, exits apart. Overdue first in each column. */
export function buildBoard(data: DailyData, settings: Settings, asOf: string, filters: BoardFilters): Board {
  const vacancies = new Map(data.vacancies.map((v) => [v.id, v]));
  const byStage = new Map<Stage, BoardCard[]>();
  let total = 0;
  for (const application of data.applications) {
    const vacancy = vacancies.get(application.vacancyId);
    if (!vacancy) continue;
    const events = eventsOf(data, application.id);
    const target = applicationTarget(application, vacancy, events, settings, asOf);
    const stay = stageHistory(events, { asOf, division: settings.division }).at(-1);
    const daysInStage = stay?.calendarDays ?? Math.max(0, dayDiff(application.receivedDate, asOf));
    const card: BoardCard = { application, vacancy, stage: target.stage, daysInStage, target };
    if (!matchesFilters(card, filters)) continue;
    total++;
    const list = byStage.get(card.stage);
    if (list) list.push(card);
    else byStage.set(card.stage, [card]);
  }
  const column = (stage: Stage): BoardColumn => ({
    stage,
    cards: (byStage.get(stage) ?? []).sort(
      (a, b) => compareDue(a.target, b.target) || b.daysInStage - a.daysInStage || (a.application.id < b.application.id ? -1 : 1),
    ),
  });
  return { columns: OPEN_STAGES.map(column), exits: EXIT_STAGES.map(column), total };
}

function dayDiff(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Filters from the route (`#/board?vacancy=...&team=...`), so a filtered board can be linked. */
export function filtersFromParams(params: URLSearchParams): BoardFilters {
  return {
    vacancyId: params.get('vacancy') || null,
    teamId: params.get('team') || null,
    role: (params.get('role') as BoardFilters['role']) || null,
    assignedTo: params.get('manager') || null,
    source: (params.get('source') as Source | null) || null,
    overdueOnly: params.get('overdue') === '1',
  };
}

export function filtersToParams(filters: BoardFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.vacancyId) out.vacancy = filters.vacancyId;
  if (filters.teamId) out.team = filters.teamId;
  if (filters.role) out.role = filters.role;
  if (filters.assignedTo) out.manager = filters.assignedTo;
  if (filters.source) out.source = filters.source;
  if (filters.overdueOnly) out.overdue = '1';
  return out;
}

export const daysLabel = (n: number) => `${n} day${n === 1 ? '' : 's'} in stage`;

export const BOARD_CSV_COLUMNS: CsvColumn<BoardCard>[] = [
  { header: 'Candidate', value: (c) => c.application.name },
  { header: 'Vacancy', value: (c) => c.vacancy.title },
  { header: 'Stage', value: (c) => c.stage },
  { header: 'Days in stage', value: (c) => c.daysInStage },
  { header: 'Due', value: (c) => c.target.dueDate },
  { header: 'Target', value: (c) => c.target.label },
  { header: 'Status', value: (c) => c.target.status },
  { header: 'Source', value: (c) => c.application.source },
  { header: 'Assigned to', value: (c) => c.application.assignedTo },
];
