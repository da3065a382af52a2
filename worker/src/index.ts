import { Hono } from 'hono';
import type { Env } from './env';
import { health } from './routes/health';

const app = new Hono<{ Bindings: Env }>().route('/health', health);

export type AppType = typeof app;
export default app;
