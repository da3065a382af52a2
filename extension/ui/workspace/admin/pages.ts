import type { WorkspacePage } from '../page';
import { PeoplePage } from './PeoplePage';
import { RulesPage } from './RulesPage';
import { ADMINS, RECORD_EDITORS } from './roles';
import { TeamsVacanciesPage } from './TeamsVacanciesPage';

/** The admin console: people and the council's rules (admins), teams and vacancies (coordinators, central team). */
export const ADMIN_PAGES: WorkspacePage[] = [
  { path: '/teams', label: 'Teams and vacancies', audience: 'coordinators and central team', roles: RECORD_EDITORS, component: TeamsVacanciesPage },
  { path: '/people', label: 'People', audience: 'admin', roles: ADMINS, component: PeoplePage },
  { path: '/rules', label: 'Council rules', audience: 'admin', roles: ADMINS, component: RulesPage },
];
