/**
 * The product on its embedded default, as `npm start` runs it (and the README journeys test,
 * on its own ports and state): local D1 migrated, `wrangler dev`, the demo council loaded once,
 * the extension built for that worker and for the localhost demo origin, the demo pages served.
 */
import type { Server } from 'node:http';
import { buildExtension } from './build-extension';
import { seedDemoCouncil, type SeededDemo } from './demo';
import { demoPageResolver } from './demo-pages';
import { startPageServer } from './page-server';
import { stopProcess } from './processes';
import { applyLocalMigrations, startLocalWorker } from './wrangler';

export interface LocalDemoOptions {
  workerPort: number;
  demoPort: number;
  /** Folder of the local D1. */
  stateDir: string;
  /** Where the extension is built (relative to the repository), `.output` unless told. */
  outDir?: string;
  quiet?: boolean;
  /** How long the worker may take to answer /health. */
  readyTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface LocalDemo {
  workerUrl: string;
  /** The localhost demo: `${demoOrigin}/` is the index. */
  demoOrigin: string;
  demoPort: number;
  extensionDir: string;
  demo: SeededDemo;
  stop(): Promise<void>;
}

export async function startLocalDemo(options: LocalDemoOptions): Promise<LocalDemo> {
  const log = options.log ?? (() => undefined);
  const workerUrl = `http://127.0.0.1:${options.workerPort}`;
  const demoOrigin = `http://localhost:${options.demoPort}`;
  log('1/5 Applying D1 migrations to the local database…');
  await applyLocalMigrations(options.stateDir);
  log(`2/5 Starting the worker on ${workerUrl}…`);
  const worker = await startLocalWorker({ port: options.workerPort, persistTo: options.stateDir, quiet: options.quiet, readyTimeoutMs: options.readyTimeoutMs });
  let pages: Server | undefined;
  const stop = async () => {
    pages?.close();
    await stopProcess(worker.child);
  };
  try {
    log('3/5 Loading the demo council (skipped when already there)…');
    const demo = await seedDemoCouncil(workerUrl, options.stateDir);
    log('4/5 Building the extension…');
    const extensionDir = await buildExtension({ serverUrl: workerUrl, demoOrigin, outDir: options.outDir });
    log(`5/5 Serving demo pages on ${demoOrigin}…`);
    pages = await startPageServer(options.demoPort, demoPageResolver(demo.data));
    return { workerUrl, demoOrigin, demoPort: options.demoPort, extensionDir, demo, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
