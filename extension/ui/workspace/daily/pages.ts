import type { UserRole } from '#shared/schema/index';
import type { WorkspacePage } from '../page';
import { BoardPage } from './BoardPage';
import { CandidatePage } from './CandidatePage';
import { ChecksPage } from './ChecksPage';
import { ImportPage } from './import/ImportPage';
import { QueuePage } from './QueuePage';

/**
 * Who changes recruitment data (shared/sync/permissions.ts): not admins, who manage people and
 * settings and may read. An admin's queue is always empty (no rota slot, no decisions), and every
 * check or imported row they saved would be refused, so those pages are not theirs; the board and
 * a candidate's page stay, to read.
 */
const RECRUITERS: readonly UserRole[] = ['central', 'coordinator', 'manager'];

/** Pipeline board, my queue, candidate detail, checks, import. */
export const DAILY_PAGES: WorkspacePage[] = [
  { path: '/queue', label: 'My queue', audience: 'Team managers', roles: RECRUITERS, component: QueuePage },
  { path: '/board', label: 'Pipeline board', audience: 'Coordinators', component: BoardPage },
  { path: '/candidate', label: 'Find a candidate', component: CandidatePage },
  { path: '/checks', label: 'Checks', audience: 'Coordinators', roles: RECRUITERS, component: ChecksPage },
  { path: '/import', label: 'Import', audience: 'Coordinators', roles: RECRUITERS, component: ImportPage },
];
