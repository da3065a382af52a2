import { getDb } from '@/db/database';
import { useLiveQuery } from '@/ui/hooks/useLiveQuery';
import { loadDailyData } from '../../daily/data';
import { auditRecordsOf, type AuditRecords } from './auditRecords';

/** This browser's records as the audit wording reads them, kept current as syncs bring changes (an erasure included). */
export function useAuditRecords(): AuditRecords | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [daily, posts, siteProfiles] = await Promise.all([loadDailyData(db), db.posts.toArray(), db.site_profiles.toArray()]);
    return auditRecordsOf({ ...daily, posts, siteProfiles });
  }, []);
}
