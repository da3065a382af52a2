import type { SubjectAccessQuery } from '#shared/api/index';

export type MatchKey = 'email' | 'reference' | 'name' | 'staff';

/** The key a request searches by, and its value as compared (lower case, trimmed). */
export function matchOf(q: SubjectAccessQuery): { by: MatchKey; value: string } {
  if (q.email) return { by: 'email', value: q.email.trim().toLowerCase() };
  if (q.reference) return { by: 'reference', value: q.reference.trim().toLowerCase() };
  if (q.staff) return { by: 'staff', value: q.staff.toLowerCase() };
  return { by: 'name', value: normalise(q.name!) };
}

const FIELD: Record<Exclude<MatchKey, 'staff'>, string> = { email: '$.email', reference: '$.atsReference', name: '$.name' };

/**
 * Ids of the organisation's applications that concern one person: the same email (any case),
 * the same ATS reference, or, when neither is known, the same name (any case, spaces around
 * and between words ignored). Never a partial match: a similar name is someone else.
 * Deleted applications are included (their record is still held); erased ones hold no key.
 */
export async function findApplications(db: D1Database, orgId: string, by: MatchKey, value: string): Promise<string[]> {
  return by === 'staff' ? [] : findIn(db, orgId, 'applications', FIELD[by], by === 'name', value);
}

/**
 * Ids of the organisation's staff records of one person: the record itself (by staff id), or
 * every staff record with the same name, compared as above. Email and reference find none: a
 * staff record holds neither.
 */
export async function findStaff(db: D1Database, orgId: string, by: MatchKey, value: string): Promise<string[]> {
  if (by === 'staff') {
    const row = await db.prepare('SELECT id FROM staff WHERE org_id = ?1 AND id = ?2').bind(orgId, value).first<{ id: string }>();
    return row ? [row.id] : [];
  }
  return by === 'name' ? findIn(db, orgId, 'staff', '$.name', true, value) : [];
}

async function findIn(db: D1Database, orgId: string, table: 'applications' | 'staff', path: string, byName: boolean, value: string): Promise<string[]> {
  // Names are narrowed in SQL by their first word, then compared whole with spaces normalised.
  const [condition, bound] =
    byName ? ["lower(json_extract(data, ?2)) LIKE ?3 ESCAPE '\\'", `%${value.split(' ')[0]!.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`] : ['lower(trim(json_extract(data, ?2))) = ?3', value];
  const { results } = await db
    .prepare(`SELECT id, json_extract(data, ?2) AS v FROM ${table} WHERE org_id = ?1 AND ${condition} ORDER BY created_at, id`)
    .bind(orgId, path, bound)
    .all<{ id: string; v: string | null }>();
  return results.filter((r) => normalise(r.v) === value).map((r) => r.id);
}

const normalise = (v: string | null) => (v ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
