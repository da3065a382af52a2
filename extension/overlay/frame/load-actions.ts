/**
 * The frame's actions (frame/actions.ts: the database, the writes and their schemas), loaded
 * on first use: a chunk of their own, so the frame draws without them (its first-load budget).
 */
export const loadActions = () => import('./actions');
