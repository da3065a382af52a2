import type { WorkspacePage } from '../page';
import { EstablishmentPage } from './EstablishmentPage';
import { ReportsPage } from './ReportsPage';
import { RotaPage } from './RotaPage';

/** The central team's pages: reports, the establishment, the rota. */
export const CENTRAL_TEAM_PAGES: WorkspacePage[] = [
  { path: '/reports', label: 'Reports', audience: 'central team', component: ReportsPage },
  { path: '/establishment', label: 'Establishment', audience: 'central team', component: EstablishmentPage },
  { path: '/rota', label: 'Rota', audience: 'managers and coordinators', component: RotaPage },
];
