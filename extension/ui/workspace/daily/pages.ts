import type { WorkspacePage } from '../page';

/** Pipeline board, my queue, candidate detail, checks, import. */
export const DAILY_PAGES: WorkspacePage[] = [];
