import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const reports = new Hono<AppEnv>();
