import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '#shared/schema/index';

export async function readSettings(db: D1Database, orgId: string): Promise<Settings> {
  const row = await db.prepare('SELECT data FROM settings WHERE org_id = ?1').bind(orgId).first<{ data: string }>();
  if (!row) return DEFAULT_SETTINGS;
  const parsed = settingsSchema.safeParse(JSON.parse(row.data));
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
