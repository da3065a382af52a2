import { todayInLondon } from '#shared/calendar';
import { readSettings } from '../db/settings';
import { compactChangeLog, expireAudit } from './change-log';
import { eraseApplications, expiredApplications } from './expired';

export interface OrgRetention {
  orgId: string;
  /** Applications whose candidate's personal data was erased. */
  erased: number;
  changesCompacted: number;
  auditExpired: number;
  error?: string;
}

/**
 * The daily retention run (the worker's cron trigger, wrangler.jsonc): for every organisation,
 * by its own settings, erase the candidates whose retention date has passed, compact the change
 * log, and drop audit entries past their period. One organisation's failure does not stop the
 * others; it is reported (and logged) and tried again the next day.
 */
export async function runRetention(db: D1Database, now = new Date()): Promise<OrgRetention[]> {
  const { results: orgs } = await db.prepare('SELECT id, name FROM organisations ORDER BY id').all<{ id: string; name: string }>();
  const today = todayInLondon(now);
  const out: OrgRetention[] = [];
  for (const org of orgs) {
    const report: OrgRetention = { orgId: org.id, erased: 0, changesCompacted: 0, auditExpired: 0 };
    try {
      const settings = await readSettings(db, org.id);
      report.erased = await eraseApplications(db, org.id, org.name, await expiredApplications(db, org.id, settings, today), now.getTime());
      report.changesCompacted = (await compactChangeLog(db, org.id, settings, now)).removed;
      report.auditExpired = await expireAudit(db, org.id, settings, now);
    } catch (err) {
      report.error = err instanceof Error ? err.message : String(err);
    }
    out.push(report);
  }
  // Counts and ids of organisations only: nothing personal in the worker's logs.
  console.log(JSON.stringify({ retention: today, organisations: out }));
  return out;
}
