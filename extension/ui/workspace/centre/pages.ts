import type { WorkspacePage } from '../page';

/** Establishment, rota, reports. */
export const CENTRE_PAGES: WorkspacePage[] = [];
