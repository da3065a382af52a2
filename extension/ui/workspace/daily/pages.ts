import type { WorkspacePage } from '../page';
import { BoardPage } from './BoardPage';
import { QueuePage } from './QueuePage';

/** Pipeline board, my queue, candidate detail, checks, import. */
export const DAILY_PAGES: WorkspacePage[] = [
  { path: '/queue', label: 'My queue', audience: 'Team managers', component: QueuePage },
  { path: '/board', label: 'Pipeline board', audience: 'Coordinators', component: BoardPage },
];
