import { getDb } from '@/db/database';
import { useLiveQuery } from '@/ui/hooks/useLiveQuery';
import { loadCentralData, type CentralData } from './data';

/** The central data, re-read whenever any of it changes (local edits and synced changes alike). */
export function useCentralData(): CentralData | undefined {
  return useLiveQuery(() => loadCentralData(getDb()), []);
}
