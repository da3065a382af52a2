import { ROLE_LABELS, SOURCE_LABELS, SOURCES, type Source } from '#shared/schema/index';
import { nameOf } from '@/db/people';
import { ChoiceSelect } from '@/ui/common/ChoiceSelect';
import type { DailyData } from './data';
import type { BoardFilters } from './boardModel';

interface Props {
  data: DailyData;
  filters: BoardFilters;
  onChange: (filters: BoardFilters) => void;
}

/** Vacancy, team, role, manager, source and overdue-only filters of the board. */
export function BoardFiltersBar({ data, filters, onChange }: Props) {
  const set = <K extends keyof BoardFilters>(key: K, value: BoardFilters[K]) => onChange({ ...filters, [key]: value });
  const roles = [...new Set(data.vacancies.map((v) => v.role))];
  const managers = [...new Set(data.applications.map((a) => a.assignedTo).filter((m): m is string => !!m))]
    .map((id) => ({ id, name: nameOf(data.people, id) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const vacancies = [...data.vacancies].sort((a, b) => a.title.localeCompare(b.title));
  return (
    <div class="filters" role="group" aria-label="Filters">
      <ChoiceSelect id="bf-vacancy" label="Vacancy" allLabel="All vacancies" value={filters.vacancyId} choices={vacancies.map((v) => ({ value: v.id, label: v.reference ? `${v.title} (${v.reference})` : v.title }))} onChange={(v) => set('vacancyId', v ?? null)} />
      <ChoiceSelect id="bf-team" label="Team" allLabel="All teams" value={filters.teamId} choices={data.teams.map((t) => ({ value: t.id, label: t.name }))} onChange={(v) => set('teamId', v ?? null)} />
      <ChoiceSelect id="bf-role" label="Role" allLabel="All roles" value={filters.role} choices={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} onChange={(v) => set('role', v ?? null)} />
      <ChoiceSelect id="bf-manager" label="Manager" allLabel="Any manager" value={filters.assignedTo} choices={managers.map((m) => ({ value: m.id, label: m.name }))} onChange={(v) => set('assignedTo', v ?? null)} />
      <ChoiceSelect id="bf-source" label="Source" allLabel="All sources" value={filters.source} choices={SOURCES.map((x) => ({ value: x, label: SOURCE_LABELS[x] }))} onChange={(v) => set('source', (v ?? null) as Source | null)} />
      <label class="checkbox">
        <span>
          <input type="checkbox" checked={filters.overdueOnly} onChange={(e) => set('overdueOnly', (e.currentTarget as HTMLInputElement).checked)} /> Overdue only
        </span>
      </label>
    </div>
  );
}
