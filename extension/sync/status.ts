import type { ShortlistDb } from '@/db/database';
import { META, readMeta } from '@/db/meta';
import { getSession } from './session';

/** What went wrong last, in words a person can act on. */
export interface SyncError {
  kind: 'offline' | 'signed-out' | 'auth' | 'refused' | 'outdated' | 'server';
  message: string;
  at: string;
  /** The server asked to wait this long before trying again (Retry-After). */
  retryAfterMs?: number;
}

export interface SyncStatus {
  signedIn: boolean;
  user?: { id: string; name: string; role: string };
  organisation?: string;
  serverUrl?: string;
  /** When the access token stops working (ISO 8601). */
  tokenExpiresAt?: string;
  lastSyncedAt: string | null;
  pending: number;
  refused: number;
  conflicts: number;
  lastError: SyncError | null;
  syncing: boolean;
}

export async function readStatus(db: ShortlistDb, syncing: boolean): Promise<SyncStatus> {
  const session = await getSession();
  return {
    signedIn: Boolean(session),
    user: session ? { id: session.me.user.id, name: session.me.user.name, role: session.me.user.role } : undefined,
    organisation: session?.me.organisation.name,
    serverUrl: session?.serverUrl,
    tokenExpiresAt: session?.me.tokenExpiresAt,
    lastSyncedAt: await readMeta<string | null>(db, META.lastSyncedAt, null),
    pending: await db.outbox.count(),
    refused: await db.refused.count(),
    conflicts: await db.conflicts.count(),
    lastError: await readMeta<SyncError | null>(db, META.lastError, null),
    syncing,
  };
}
