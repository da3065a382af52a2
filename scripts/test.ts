/**
 * `npm test`: type checks, the Firefox build, unit tests, worker tests in workerd with D1,
 * end-to-end tests in Chromium. Every suite runs even if an earlier one failed; the last line sums them all:
 * `N passed, N failed, N skipped`.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { run } from './lib/processes';
import { ROOT } from './lib/wrangler';

interface Tally {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  note?: string;
}

const resultsDir = path.join(ROOT, '.test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);

/** A command that must succeed, counted as one test. */
async function check(name: string, command: string, args: string[], failure: string): Promise<Tally> {
  try {
    await run(bin(command), args, { label: name, cwd: ROOT, quiet: command !== 'tsc' });
    return { name, passed: 1, failed: 0, skipped: 0 };
  } catch (err) {
    if (command !== 'tsc') console.error((err as Error).message);
    return { name, passed: 0, failed: 1, skipped: 0, note: failure };
  }
}

async function vitest(name: string, config: string): Promise<Tally> {
  const out = path.join(resultsDir, `${name}.json`);
  let crashed: Error | undefined;
  try {
    await run(bin('vitest'), ['run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
      label: name,
      cwd: ROOT,
    });
  } catch (err) {
    crashed = err as Error;
  }
  try {
    const r = JSON.parse(readFileSync(out, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numFailedTestSuites: number;
    };
    // A file that fails to load counts as a failure even though none of its tests ran.
    const failed = r.numFailedTests + (crashed && r.numFailedTests === 0 ? Math.max(1, r.numFailedTestSuites) : 0);
    return { name, passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests };
  } catch {
    return { name, passed: 0, failed: 1, skipped: 0, note: `no results: ${crashed?.message.split('\n')[0] ?? 'unknown'}` };
  }
}

const tallies: Tally[] = [];
tallies.push(await check('types:extension+shared', 'tsc', ['-p', 'tsconfig.json', '--noEmit'], 'type errors above'));
tallies.push(await check('types:worker', 'tsc', ['-p', 'worker/tsconfig.json', '--noEmit'], 'type errors above'));
// Chrome is built by the e2e setup; the Firefox build must compile too.
// The worker bundle `npm run deploy` would upload, built without an account (`--dry-run`).
tallies.push(await check('deploy:dry-run', 'wrangler', ['deploy', '--dry-run', '--outdir', path.join(resultsDir, 'worker-bundle')], 'wrangler deploy --dry-run failed'));
tallies.push(await check('build:firefox', 'wxt', ['build', '-b', 'firefox', '--mv3', '--mode', 'production'], 'Firefox build failed'));
tallies.push(await vitest('unit', 'vitest.unit.config.ts'));
tallies.push(await vitest('worker', 'vitest.worker.config.mts'));
tallies.push(await vitest('e2e', 'vitest.e2e.config.ts'));

console.log('\nSummary');
for (const t of tallies) console.log(`  ${t.name.padEnd(24)} ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped${t.note ? `  (${t.note})` : ''}`);
const sum = (k: 'passed' | 'failed' | 'skipped') => tallies.reduce((n, t) => n + t[k], 0);
console.log(`${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`);
process.exitCode = sum('failed') > 0 ? 1 : 0;
