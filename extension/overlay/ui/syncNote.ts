import type { SyncStatus } from '@/sync/status';

/** The part of the background's sync status (its `getStatus` reply) the overlay needs. */
export type SyncState = Pick<SyncStatus, 'signedIn' | 'pending' | 'refused' | 'lastError'>;

export type SyncTone = 'green' | 'amber' | 'red' | 'muted';

/**
 * One line under the overlay saying whether what the person did here has reached the council:
 * actions are saved locally first and sent when the server answers.
 */
export function describeSync(state: SyncState | null): { text: string; tone: SyncTone } {
  if (!state) return { text: 'Sync status unknown', tone: 'muted' };
  if (!state.signedIn) return { text: 'Not signed in: sign in from the options page to see your council', tone: 'amber' };
  if (state.refused > 0) return { text: `${state.refused} change${state.refused === 1 ? ' was' : 's were'} refused by the server: see the popup`, tone: 'red' };
  if (state.pending > 0) {
    const saved = `${state.pending} change${state.pending === 1 ? '' : 's'} saved, will sync`;
    return state.lastError?.kind === 'offline' ? { text: `Offline: ${saved}`, tone: 'amber' } : { text: saved, tone: 'amber' };
  }
  return { text: 'Synced', tone: 'green' };
}
