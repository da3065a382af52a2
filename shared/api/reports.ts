import * as z from 'zod/mini';
import { isoDate, socialWorkRole, source, id } from '../schema/index';

/** Query of `GET /v1/reports/summary`: all optional; dates are Europe/London calendar dates. */
export const reportQuery = z
  .object({
    from: z.optional(isoDate),
    to: z.optional(isoDate),
    teamId: z.optional(id),
    role: z.optional(socialWorkRole),
    source: z.optional(source),
  })
  .check(z.refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'from must not be after to', path: ['from'] }));
export type ReportQuery = z.infer<typeof reportQuery>;
