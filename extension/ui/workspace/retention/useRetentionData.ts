import { getDb } from '@/db/database';
import { useLiveQuery } from '@/ui/hooks/useLiveQuery';
import { loadRetentionData, type RetentionData } from './data';

/** The retention data, re-read whenever any of it changes (local edits and synced changes alike). */
export function useRetentionData(): RetentionData | undefined {
  return useLiveQuery(() => loadRetentionData(getDb()), []);
}
