import { getDb } from '@/db/database';
import { useLiveQuery } from '@/ui/hooks/useLiveQuery';
import { loadDailyData, type DailyData } from './data';

/** The daily data, re-read whenever any of it changes (local edits and synced changes alike). */
export function useDailyData(): DailyData | undefined {
  return useLiveQuery(() => loadDailyData(getDb()), []);
}
