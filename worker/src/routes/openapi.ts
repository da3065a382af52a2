import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const openapi = new Hono<AppEnv>().get('/', (c) => c.json({ openapi: '3.1.0' }, 200));
