import type { Settings } from '#shared/schema/index';
import { effectiveSettings } from '#shared/settings';

export async function readSettings(db: D1Database, orgId: string): Promise<Settings> {
  const row = await db.prepare('SELECT data FROM settings WHERE org_id = ?1').bind(orgId).first<{ data: string }>();
  return effectiveSettings(row ? JSON.parse(row.data) : null);
}
