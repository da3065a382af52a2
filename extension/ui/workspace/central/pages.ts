import type { WorkspacePage } from '../page';

/** Establishment, rota, reports. */
export const CENTRAL_PAGES: WorkspacePage[] = [];
