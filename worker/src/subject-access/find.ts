import type { SubjectAccessQuery } from '#shared/api/index';

export type MatchKey = 'email' | 'reference' | 'name';

/** The key a request searches by, and its value as compared (lower case, trimmed). */
export function matchOf(q: SubjectAccessQuery): { by: MatchKey; value: string } {
  if (q.email) return { by: 'email', value: q.email.trim().toLowerCase() };
  if (q.reference) return { by: 'reference', value: q.reference.trim().toLowerCase() };
  return { by: 'name', value: normalise(q.name!) };
}

const FIELD: Record<MatchKey, string> = { email: '$.email', reference: '$.atsReference', name: '$.name' };

/**
 * Ids of the organisation's applications that concern one person: the same email (any case),
 * the same ATS reference, or, when neither is known, the same name (any case, spaces around
 * and between words ignored). Never a partial match: a similar name is someone else.
 * Deleted applications are included (their record is still held); erased ones hold no key.
 */
export async function findApplications(db: D1Database, orgId: string, by: MatchKey, value: string): Promise<string[]> {
  // Names are narrowed in SQL by their first word, then compared whole with spaces normalised.
  const [condition, bound] =
    by === 'name' ? ["lower(json_extract(data, ?2)) LIKE ?3 ESCAPE '\\'", `%${value.split(' ')[0]!.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`] : ['lower(trim(json_extract(data, ?2))) = ?3', value];
  const { results } = await db
    .prepare(`SELECT id, json_extract(data, ?2) AS v FROM applications WHERE org_id = ?1 AND ${condition} ORDER BY created_at, id`)
    .bind(orgId, FIELD[by], bound)
    .all<{ id: string; v: string | null }>();
  return results.filter((r) => normalise(r.v) === value).map((r) => r.id);
}

const normalise = (v: string | null) => (v ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
