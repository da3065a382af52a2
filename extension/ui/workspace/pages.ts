import type { WorkspacePage } from './page';
import { DAILY_PAGES } from './daily/pages';
import { CENTRE_PAGES } from './centre/pages';

/** Navigation order: the daily work first, then the central team's pages. */
export const WORKSPACE_PAGES: WorkspacePage[] = [...DAILY_PAGES, ...CENTRE_PAGES];
