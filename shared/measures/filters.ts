import type { Application, Vacancy } from '../schema/recruitment';
import type { ReportFilters } from './types';

/** Team and role filters, which apply to vacancies (and through them to applications). */
export function vacancyMatches(vacancy: Pick<Vacancy, 'teamIds' | 'role'> | undefined, filters: ReportFilters): boolean {
  const { teamIds, roles } = filters;
  if (teamIds?.length && !(vacancy && vacancy.teamIds.some((t) => teamIds.includes(t)))) return false;
  if (roles?.length && !(vacancy && roles.includes(vacancy.role))) return false;
  return true;
}

export const inPeriod = (date: string | null | undefined, filters: ReportFilters): boolean =>
  !!date && (!filters.from || date >= filters.from) && (!filters.to || date <= filters.to);

/** Applications received in the period, from the sources, on vacancies matching team and role. */
export function applicationMatches(application: Application, vacancy: Vacancy | undefined, filters: ReportFilters): boolean {
  if ((filters.from || filters.to) && !inPeriod(application.receivedDate, filters)) return false;
  if (filters.sources?.length && !filters.sources.includes(application.source)) return false;
  return vacancyMatches(vacancy, filters);
}
