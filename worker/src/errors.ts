import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The one error shape of the API (shared/schema/sync.ts ApiError). */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Thrown anywhere in a handler; app.onError turns it into the JSON error body. */
export class ApiFailure extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

export function jsonError<S extends ContentfulStatusCode>(c: Context, status: S, code: string, message: string, details?: unknown) {
  return c.json(errorBody(code, message, details), status);
}
