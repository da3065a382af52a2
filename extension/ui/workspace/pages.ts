import type { WorkspacePage } from './page';
import { DAILY_PAGES } from './daily/pages';
import { CENTRAL_TEAM_PAGES } from './central-team/pages';
import { ADMIN_PAGES } from './admin/pages';
import { RETENTION_PAGES } from './retention/pages';
import type { UserRole } from '#shared/schema/index';

/** Navigation order: the daily work first, then the central team's pages, retention, then the admin console. */
export const WORKSPACE_PAGES: WorkspacePage[] = [...DAILY_PAGES, ...CENTRAL_TEAM_PAGES, ...RETENTION_PAGES, ...ADMIN_PAGES];

/** The pages a role sees (a page without roles is everyone's); nobody signed in sees those only. */
export const pagesFor = (role: UserRole | null | undefined, pages: readonly WorkspacePage[] = WORKSPACE_PAGES) =>
  pages.filter((p) => !p.roles || (role != null && p.roles.includes(role)));
