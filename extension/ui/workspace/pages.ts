import type { WorkspacePage } from './page';
import { DAILY_PAGES } from './daily/pages';
import { CENTRAL_TEAM_PAGES } from './central-team/pages';

/** Navigation order: the daily work first, then the central team's pages. */
export const WORKSPACE_PAGES: WorkspacePage[] = [...DAILY_PAGES, ...CENTRAL_TEAM_PAGES];
