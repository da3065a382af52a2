import path from 'node:path';
import { run } from './processes';
import { ROOT } from './wrangler';

/** Builds the Chrome MV3 extension pointed at a sync server; returns the unpacked folder. */
export async function buildExtension(options: { serverUrl: string; demoOrigin?: string; outDir?: string; quiet?: boolean; answerTiming?: boolean }): Promise<string> {
  const outDir = options.outDir ?? '.output';
  await run(path.join(ROOT, 'node_modules/.bin/wxt'), ['build'], {
    label: 'wxt build',
    cwd: ROOT,
    quiet: options.quiet ?? true,
    env: {
      ...process.env,
      WXT_SERVER_URL: options.serverUrl,
      WXT_DEMO_ORIGIN: options.demoOrigin ?? '',
      WXT_OUT_DIR: outDir,
      WXT_ANSWER_TIMING: options.answerTiming ? '1' : '',
    },
  });
  return path.join(ROOT, outDir, 'chrome-mv3');
}
