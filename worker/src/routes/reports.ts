import { Hono } from 'hono';
import { reportQuery } from '#shared/api/index';
import { computeReport, type ReportFilters, type ReportInput } from '#shared/measures/index';
import type { AppEnv } from '../env';
import { loadReportInput } from '../db/report-input';
import { validate } from '../middleware/validate';

/**
 * `GET /v1/reports/summary`: the shared measures (shared/measures, computeReport) over the
 * whole organisation's records, computed server-side. Every role may read reports.
 */
export const reports = new Hono<AppEnv>().get('/summary', validate('query', reportQuery), async (c) => {
  const q = c.req.valid('query');
  const input: ReportInput = await loadReportInput(c.env.DB, c.get('auth').orgId);
  const filters: ReportFilters = {
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.teamId ? { teamIds: [q.teamId] } : {}),
    ...(q.role ? { roles: [q.role] } : {}),
    ...(q.source ? { sources: [q.source] } : {}),
  };
  return c.json(computeReport(input, filters), 200);
});
