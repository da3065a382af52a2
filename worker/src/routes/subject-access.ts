import { Hono } from 'hono';
import { subjectAccessQuery, type ExportResponse, type StaffExport, type SubjectAccessResponse } from '#shared/api/index';
import { exportApplication, exportStaff } from '../db/export';
import type { AppEnv } from '../env';
import { validate } from '../middleware/validate';
import { subjectAccessCsv } from '../subject-access/csv';
import { findApplications, findStaff, matchOf } from '../subject-access/find';
import { auditRow } from './audit';

/**
 * `GET /v1/admin/subject-access` (admin, index.ts): everything held about one person, found
 * by email, ATS reference or name: each application with its stage history (notes included),
 * checks, conflicts, change log and audit entries; found by name or staff id, each staff record
 * of theirs with every retention record about them (exit-interview and Stay notes included);
 * as JSON, or with `format=csv` one file a person can read. The request is audited, one row
 * per application or staff record disclosed (or one with no
 * record when nothing was found): action `subject_access`, the key searched by in `fields`.
 * The searched value itself is not written to the audit: the trail must not become a second
 * register of personal data, and it survives erasure; the DPO sees when, by whom, by which key,
 * and which records were disclosed.
 */
export const subjectAccess = new Hono<AppEnv>().get('/', validate('query', subjectAccessQuery), async (c) => {
  const q = c.req.valid('query');
  const auth = c.get('auth');
  const db = c.env.DB;
  const { by, value } = matchOf(q);
  const ids = await findApplications(db, auth.orgId, by, value);
  const staffIds = await findStaff(db, auth.orgId, by, value);
  const applications: ExportResponse[] = [];
  for (const id of ids) {
    const one = await exportApplication(db, auth.orgId, id);
    if (one) applications.push(one);
  }
  const staff: StaffExport[] = [];
  for (const id of staffIds) {
    const one = await exportStaff(db, auth.orgId, id);
    if (one) staff.push(one);
  }
  const body: SubjectAccessResponse = { generatedAt: new Date().toISOString(), matchedBy: by, applications, staff };
  const at = body.generatedAt;
  const disclosed = [...ids.map((id) => ['applications', id] as const), ...staffIds.map((id) => ['staff', id] as const)];
  await db.batch(
    disclosed.length ? disclosed.map(([t, id]) => auditRow(db, auth, 'subject_access', t, id, [by], at)) : [auditRow(db, auth, 'subject_access', null, null, [by], at)],
  );
  if (q.format !== 'csv') return c.json(body, 200);
  const [users, vacancies] = await db.batch<{ id: string; v: string }>([
    db.prepare('SELECT id, name AS v FROM users WHERE org_id = ?1').bind(auth.orgId),
    db
      .prepare(`SELECT id, json_extract(data, '$.title') AS v FROM vacancies WHERE org_id = ?1 AND id IN (SELECT value FROM json_each(?2))`)
      .bind(auth.orgId, JSON.stringify([...new Set(applications.map((a) => String(a.application?.vacancyId)))])),
  ]);
  const toMap = (r: D1Result<{ id: string; v: string }> | undefined) => new Map((r?.results ?? []).map((x) => [x.id, x.v]));
  return c.body(subjectAccessCsv(body, toMap(users), toMap(vacancies)), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="subject-access-${at.slice(0, 10)}.csv"`,
  });
});
