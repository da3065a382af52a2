import type { WorkspacePage } from './page';
import { WORK_PAGES } from './work/pages';
import { CENTRAL_PAGES } from './central/pages';

/** Navigation order: the daily work first, then the central team's pages. */
export const WORKSPACE_PAGES: WorkspacePage[] = [...WORK_PAGES, ...CENTRAL_PAGES];
