import type { WorkspacePage } from '../page';
import { PeoplePage } from './PeoplePage';
import { RulesPage } from './RulesPage';
import { AuditPage } from './audit/AuditPage';
import { ADMINS, AUDIT_READERS, RECORD_EDITORS } from './roles';
import { SubjectAccessPage } from './subject-access/SubjectAccessPage';
import { TeamsVacanciesPage } from './TeamsVacanciesPage';

/**
 * The admin console: people, the council's rules, erasure and subject access (admins), the audit
 * trail (admins, central team), teams and vacancies (coordinators, central team).
 */
export const ADMIN_PAGES: WorkspacePage[] = [
  { path: '/teams', label: 'Teams and vacancies', audience: 'coordinators and central team', roles: RECORD_EDITORS, component: TeamsVacanciesPage },
  { path: '/people', label: 'People', audience: 'admin', roles: ADMINS, component: PeoplePage },
  { path: '/rules', label: 'Council rules', audience: 'admin', roles: ADMINS, component: RulesPage },
  { path: '/audit', label: 'Audit trail', audience: 'admin and central team', roles: AUDIT_READERS, component: AuditPage },
  { path: '/subject-access', label: 'Erasure and subject access', audience: 'admin', roles: ADMINS, component: SubjectAccessPage },
];
