import type { PullResponse } from '#shared/schema/index';
import { mondayOf } from '#shared/sync/permissions';
import {
  isRestricted,
  managesLeaver,
  scopedRecord,
  scopeFingerprint,
  seesApplication,
  vacancyScope,
  type Reader,
  type ScopeSlot,
  type TeamScope,
  type VacancyScope,
} from '#shared/sync/scope';
import { chunkJson } from '../db/chunk';
import { teamScopeOf, teamScopeStatement } from './team-scope';

/** A reader's scope as one pull sees it: the vacancies they see and its fingerprint (shared/sync/scope.ts). */
export interface ReaderScope {
  reader: Reader;
  vacancies: VacancyScope;
  /** A restricted reader's posts and leavers of the teams they manage; null for the others. */
  team: TeamScope | null;
  fingerprint: string;
}

/**
 * What a reader's scope depends on this week (their rota slots, the teams they manage, the
 * vacancies' teams, their teams' posts and leavers) as statements to run in the pull's own
 * batch, and the scope read from their results, in the same order. An unrestricted reader
 * needs no statement.
 */
export function readerScopeQuery(db: D1Database, orgId: string, reader: Reader, now = new Date()): { statements: D1PreparedStatement[]; scopeOf(results: D1Result[]): ReaderScope } {
  if (!isRestricted(reader)) return { statements: [], scopeOf: () => ({ reader, vacancies: 'all', team: null, fingerprint: scopeFingerprint(reader, 'all') }) };
  const thisWeek = mondayOf(now.toISOString());
  return {
    statements: [
      db
        .prepare(`SELECT data FROM rota_slots WHERE org_id = ?1 AND deleted = 0 AND data->>'$.managerId' = ?2 AND data->>'$.week' = ?3`)
        .bind(orgId, reader.userId, thisWeek),
      db.prepare(`SELECT id FROM teams WHERE org_id = ?1 AND deleted = 0 AND data->>'$.managerId' = ?2`).bind(orgId, reader.userId),
      db.prepare(`SELECT id, coalesce(data->'$.teamIds', '[]') AS team_ids FROM vacancies WHERE org_id = ?1 AND deleted = 0`).bind(orgId),
      teamScopeStatement(db, orgId, reader.userId),
    ],
    scopeOf([slots, teams, vacancies, teamPosts]) {
      const scope = vacancyScope(
        reader,
        thisWeek,
        (slots!.results as { data: string }[]).map((r) => JSON.parse(r.data) as ScopeSlot),
        (teams!.results as { id: string }[]).map((r) => r.id),
        (vacancies!.results as { id: string; team_ids: string }[]).map((r) => ({ id: r.id, teamIds: JSON.parse(r.team_ids) as string[] })),
      );
      const team = teamScopeOf(teamPosts!);
      return { reader, vacancies: scope, team, fingerprint: scopeFingerprint(reader, scope, team) };
    },
  };
}

interface Facts {
  id: string;
  vacancy_id: string | null;
  assigned_to: string | null;
  decided: number;
}

/** The page as this reader may see it: records outside their scope redacted by the rules of shared/sync/scope.ts. */
export async function scopePage(db: D1Database, orgId: string, scope: ReaderScope, page: PullResponse): Promise<PullResponse> {
  const { reader, vacancies } = scope;
  // Only a restricted reader with a limited vacancy scope needs the applications' facts; the
  // rules still run for everyone (a table's rule may limit any role).
  const limited = isRestricted(reader) && vacancies !== 'all';
  const facts = limited ? await applicationFacts(db, orgId, reader, page) : new Map<string, Facts>();
  const lookup = {
    reader,
    seesApplication: (id: string) => {
      if (!limited) return true;
      const f = facts.get(id);
      return !!f && seesApplication(reader, vacancies, { vacancyId: f.vacancy_id, assignedTo: f.assigned_to, decidedByReader: !!f.decided });
    },
    managesLeaver: (id: string) => managesLeaver(reader, scope.team, id),
  };
  const changes = page.changes.map((c) => (c.record ? { ...c, record: scopedRecord(c.table, c.record, lookup) } : c));
  return { ...page, changes, scope: scope.fingerprint };
}

/** The facts of the applications the page concerns: its applications, and those its stage events and checks belong to. */
async function applicationFacts(db: D1Database, orgId: string, reader: Reader, page: PullResponse): Promise<Map<string, Facts>> {
  const appIds = new Set<string>();
  for (const c of page.changes) {
    if (!c.record) continue;
    if (c.table === 'applications') appIds.add(c.recordId);
    else if (typeof c.record.applicationId === 'string') appIds.add(c.record.applicationId);
  }
  const facts = new Map<string, Facts>();
  const parts = chunkJson([...appIds]);
  if (!parts.length) return facts;
  // "Decided" is looked up per application through stage_events_org_application (json_extract,
  // as the index is written): a scan of every event by the reader would run on every page.
  const results = await db.batch(
    parts.map((part) =>
      db
        .prepare(
          `SELECT a.id, a.data->>'$.vacancyId' AS vacancy_id, a.data->>'$.assignedTo' AS assigned_to,
                  EXISTS (SELECT 1 FROM stage_events e
                           WHERE e.org_id = ?1 AND json_extract(e.data, '$.applicationId') = a.id AND json_extract(e.data, '$.by') = ?2) AS decided
             FROM applications a WHERE a.org_id = ?1 AND a.id IN (SELECT value FROM json_each(?3))`,
        )
        .bind(orgId, reader.userId, part),
    ),
  );
  for (const r of results) for (const f of r.results as unknown as Facts[]) facts.set(f.id, f);
  return facts;
}
