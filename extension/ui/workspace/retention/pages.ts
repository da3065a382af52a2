import type { WorkspacePage } from '../page';
import { RECORD_EDITORS, RETENTION_VIEWERS } from './access';
import { CaseloadPage } from './CaseloadPage';
import { CohortsPage } from './CohortsPage';
import { ExitInterviewsPage } from './ExitInterviewsPage';
import { IncentivesPage } from './IncentivesPage';
import { StaffPage } from './StaffPage';
import { StayPage } from './StayPage';
import { TransfersPage } from './TransfersPage';

/** Retention (issue 16): who holds the posts and who leaves them, and what is done to keep people. */
export const RETENTION_PAGES: WorkspacePage[] = [
  { path: '/staff', label: 'Staff and leavers', audience: 'managers and coordinators', roles: RETENTION_VIEWERS, component: StaffPage },
  { path: '/exit-interviews', label: 'Exit interviews', audience: 'managers and coordinators', roles: RETENTION_VIEWERS, component: ExitInterviewsPage },
  { path: '/stay', label: 'Stay conversations', audience: 'principal social worker, HR', roles: RETENTION_VIEWERS, component: StayPage },
  { path: '/transfers', label: 'Transfers', audience: 'managers and coordinators', roles: RETENTION_VIEWERS, component: TransfersPage },
  { path: '/incentives', label: 'Incentives', audience: 'central team', roles: RECORD_EDITORS, component: IncentivesPage },
  { path: '/cohorts', label: 'ASYE cohorts', audience: 'central team', roles: RETENTION_VIEWERS, component: CohortsPage },
  { path: '/caseload', label: 'Caseload', audience: 'central team', roles: RETENTION_VIEWERS, component: CaseloadPage },
];
