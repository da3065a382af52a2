import type { WorkspacePage } from '../page';
import { QueuePage } from './QueuePage';

/** Pipeline board, my queue, candidate detail, checks, import. */
export const DAILY_PAGES: WorkspacePage[] = [
  { path: '/queue', label: 'My queue', audience: 'Team managers', component: QueuePage },
];
