import type { WorkspacePage } from '../page';
import { BoardPage } from './BoardPage';
import { CandidatePage } from './CandidatePage';
import { ChecksPage } from './ChecksPage';
import { ImportPage } from './import/ImportPage';
import { QueuePage } from './QueuePage';

/** Pipeline board, my queue, candidate detail, checks, import. */
export const DAILY_PAGES: WorkspacePage[] = [
  { path: '/queue', label: 'My queue', audience: 'Team managers', component: QueuePage },
  { path: '/board', label: 'Pipeline board', audience: 'Coordinators', component: BoardPage },
  { path: '/candidate', label: 'Find a candidate', component: CandidatePage },
  { path: '/checks', label: 'Checks', audience: 'Coordinators', component: ChecksPage },
  { path: '/import', label: 'Import', audience: 'Coordinators', component: ImportPage },
];
