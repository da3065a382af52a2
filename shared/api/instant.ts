import * as z from 'zod/mini';

/** An instant as the server writes it in a response: ISO 8601 in UTC (`toISOString()`, or D1's datetime text). */
export const instant = z.string();
