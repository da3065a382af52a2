import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { openApiDocument } from '../openapi';

let cached: ReturnType<typeof openApiDocument> | null = null;

/** `GET /openapi.json` (no auth): the API described from the zod schemas. */
export const openapi = new Hono<AppEnv>().get('/', (c) => c.json((cached ??= openApiDocument()), 200));
