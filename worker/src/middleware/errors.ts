import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiFailure, errorBody } from '../errors';

/** Every failure answers JSON `{ error: { code, message } }`: no stack traces, no HTML. */
export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ApiFailure) {
    if (err.headers) for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
    return c.json(errorBody(err.code, err.message, err.details), err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const malformed = /malformed json/i.test(err.message);
    const code = malformed ? 'invalid_json' : status === 413 ? 'payload_too_large' : 'http_error';
    const message = malformed ? 'The request body is not valid JSON; send Content-Type: application/json with a JSON body' : err.message || 'Request failed';
    return c.json(errorBody(code, message), status);
  }
  console.error('unhandled error', c.req.method, c.req.path, err instanceof Error ? err.message : String(err));
  return c.json(errorBody('internal_error', 'Something went wrong on the server; try again, and tell your admin if it keeps happening'), 500);
};

export const notFound: NotFoundHandler = (c) =>
  c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}; see GET /openapi.json for the API`), 404);
