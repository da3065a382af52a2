import { ROLE_LABELS, SOURCE_LABELS, SOURCES, type Source } from '#shared/schema/index';
import { nameOf } from '@/db/people';
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
  const str = (e: Event) => (e.currentTarget as HTMLSelectElement).value || null;
  const roles = [...new Set(data.vacancies.map((v) => v.role))];
  const managers = [...new Set(data.applications.map((a) => a.assignedTo).filter((m): m is string => !!m))]
    .map((id) => ({ id, name: nameOf(data.people, id) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const vacancies = [...data.vacancies].sort((a, b) => a.title.localeCompare(b.title));
  return (
    <div class="filters" role="group" aria-label="Filters">
      <label>
        Vacancy
        <select value={filters.vacancyId ?? ''} onChange={(e) => set('vacancyId', str(e))}>
          <option value="">All vacancies</option>
          {vacancies.map((v) => (
            <option key={v.id} value={v.id}>
              {v.reference ? `${v.title} (${v.reference})` : v.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Team
        <select value={filters.teamId ?? ''} onChange={(e) => set('teamId', str(e))}>
          <option value="">All teams</option>
          {data.teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Role
        <select value={filters.role ?? ''} onChange={(e) => set('role', str(e) as BoardFilters['role'])}>
          <option value="">All roles</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Manager
        <select value={filters.assignedTo ?? ''} onChange={(e) => set('assignedTo', str(e))}>
          <option value="">Any manager</option>
          {managers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Source
        <select value={filters.source ?? ''} onChange={(e) => set('source', str(e) as Source | null)}>
          <option value="">All sources</option>
          {SOURCES.map((s) => (
            <option key={s} value={s}>
              {SOURCE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label class="checkbox">
        <span>
          <input type="checkbox" checked={filters.overdueOnly} onChange={(e) => set('overdueOnly', (e.currentTarget as HTMLInputElement).checked)} /> Overdue only
        </span>
      </label>
    </div>
  );
}
