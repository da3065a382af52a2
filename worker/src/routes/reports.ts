import { Hono } from 'hono';
import { reportQuery } from '#shared/api/index';
import { todayInLondon } from '#shared/calendar';
import { reportFromPrepared, type ReportFilters } from '#shared/measures/index';
import type { AppEnv } from '../env';
import { loadPreparedReport } from '../db/report-input';
import { validate } from '../middleware/validate';

/**
 * `GET /v1/reports/summary`: the shared measures (shared/measures) over the organisation's
 * records, computed server-side: the same report computeReport gives over every record, read
 * by indexed queries over the period asked (db/report-input.ts). Every role may read reports.
 */
export const reports = new Hono<AppEnv>().get('/summary', validate('query', reportQuery), async (c) => {
  const q = c.req.valid('query');
  const filters: ReportFilters = {
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.teamId ? { teamIds: [q.teamId] } : {}),
    ...(q.role ? { roles: [q.role] } : {}),
    ...(q.source ? { sources: [q.source] } : {}),
  };
  const prepared = await loadPreparedReport(c.env.DB, c.get('auth').orgId, filters);
  return c.json(reportFromPrepared(prepared, filters, todayInLondon(new Date())), 200);
});
