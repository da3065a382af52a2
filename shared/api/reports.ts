import { z } from 'zod';
import { isoDate, socialWorkRole, SOURCES, id } from '../schema/index';

/** Query of `GET /v1/reports/summary`: all optional; dates are Europe/London calendar dates. */
export const reportQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    teamId: id.optional(),
    role: socialWorkRole.optional(),
    source: z.enum(SOURCES, { error: `must be one of ${SOURCES.join(', ')}` }).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'from must not be after to', path: ['from'] });
export type ReportQuery = z.infer<typeof reportQuery>;
