import { refreshBadge } from './badge';
import { notifyNewlyOverdue } from './notify';

export { refreshBadge } from './badge';
export { notifyNewlyOverdue, newlyOverdue } from './notify';

/** After every sync: the badge count, and a notification for anything newly overdue. */
export async function refreshBadgeAndNotify(): Promise<void> {
  try {
    await refreshBadge();
    await notifyNewlyOverdue();
  } catch (err) {
    console.error('Shortlist: badge or notification failed', err);
  }
}
