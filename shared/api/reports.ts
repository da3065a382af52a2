import { z } from 'zod';
import { isoDate, socialWorkRole, source, id } from '../schema/index';

/** Query of `GET /v1/reports/summary`: all optional; dates are Europe/London calendar dates. */
export const reportQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    teamId: id.optional(),
    role: socialWorkRole.optional(),
    source: source.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'from must not be after to', path: ['from'] });
export type ReportQuery = z.infer<typeof reportQuery>;
