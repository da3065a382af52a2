import * as z from 'zod/mini';

/**
 * The shared schemas are written with zod/mini, zod's tree-shakable functional API: the
 * extension's service worker bundles only the schema kinds and checks they use (issue 15's
 * background budget), the worker validates with the very same schemas. English messages for
 * the issues a schema gives no words of its own are configured where a person reads them
 * (schema/english.ts), not here.
 */

/** Record ids are client-generated UUIDs (v7 preferred, so they sort by creation). */
export const id = z.uuid({ error: 'must be a UUID' });

/**
 * Every date and moment the product stores lies in this range: earlier or later ones are typing
 * slips or attacks (a year 0099 receivedDate makes every working-day count walk 2,000 years).
 * One rule for dates, date-times and the wall clock of an HLC.
 */
export const EARLIEST_DATE = '2000-01-01';
export const LATEST_DATE = '2100-12-31';
export const EARLIEST_MS = Date.UTC(2000, 0, 1);
export const LATEST_MS = Date.UTC(2100, 11, 31, 23, 59, 59, 999);
const SANE_RANGE = `must lie between ${EARLIEST_DATE} and ${LATEST_DATE}`;

/** Whether an instant (ms since 1970) lies in the sane range. */
export const inSaneRange = (ms: number) => Number.isFinite(ms) && ms >= EARLIEST_MS && ms <= LATEST_MS;

/** A calendar date in Europe/London, `YYYY-MM-DD`. */
export const isoDate = z.iso
  .date({ error: 'must be a date written YYYY-MM-DD' })
  .check(z.refine((d) => d >= EARLIEST_DATE && d <= LATEST_DATE, { error: SANE_RANGE }));

/** A moment, ISO 8601 with a time zone offset (`2026-03-02T09:30:00Z`). */
export const isoDateTime = z.iso
  .datetime({ offset: true, error: 'must be a date and time in ISO 8601 with a zone, e.g. 2026-03-02T09:30:00Z' })
  .check(z.refine((t) => inSaneRange(Date.parse(t)), { error: SANE_RANGE }));

// The helpers below only build schemas: marked so, an unused schema made with them leaves the service worker's bundle too.

/** Short free text a person typed or a page showed. */
export const text = /* @__NO_SIDE_EFFECTS__ */ (max = 200) =>
  z.string().check(z.trim(), z.minLength(1, { error: 'must not be empty' }), z.maxLength(max, { error: `must be at most ${max} characters` }));

export const optionalText = /* @__NO_SIDE_EFFECTS__ */ (max = 200) => z.optional(z.nullable(text(max)));

/** One of a fixed list of values; the error names them all. */
export const oneOf = /* @__NO_SIDE_EFFECTS__ */ <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(', ')}` });

/** UK divisions of the gov.uk bank-holiday feed. */
export const DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export const division = oneOf(DIVISIONS);
export type Division = z.infer<typeof division>;

/** Lists a zod error as "field: problem" lines a person can act on. */
export function describeIssues(error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : 'record';
    return `${where}: ${issue.message}`;
  });
}
