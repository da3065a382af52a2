/**
 * `npm run bench`: imports every figure module in tests/bench/figures (each exports
 * `measure(): Promise<Record<string, Figure>>`), runs them one after another (they share
 * two cores, and a timing taken while another module runs would measure both), merges
 * their figures into bench/results.json and prints them as a table against the targets.
 * A module that is absent or fails is recorded and printed as such, and the run exits
 * non-zero, so a missing figure is never mistaken for a met target.
 *
 * `npm run bench -- report sync` runs only the named modules (results.json is then not written).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Figure } from '../tests/bench/figures/figure';
import { medianOf } from '../tests/bench/lib/sample';
import { REQUIRED_FIGURES, TARGETS, describeTarget, meets } from './bench-targets';
import { stopAll } from './lib/processes';
import { ROOT } from './lib/wrangler';

const FIGURES_DIR = path.join(ROOT, 'tests/bench/figures');
const RESULTS = path.join(ROOT, 'bench/results.json');

type ModuleOutcome = { module: string; status: 'ok'; seconds: number } | { module: string; status: 'failed'; seconds: number; error: string };

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

const loadAverage = () => Math.round(os.loadavg()[0]! * 100) / 100;

/** The machine, and how busy it was (1-minute load average) when the run began and ended: timings on a shared machine depend on it. */
function machine(loadAtStart: number) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    load_average_at_start: loadAtStart,
    load_average_at_end: loadAverage(),
  };
}

const moduleNames = () =>
  readdirSync(FIGURES_DIR)
    .filter((f) => f.endsWith('.ts') && f !== 'figure.ts' && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -3))
    .sort();

async function runModule(name: string, figures: Record<string, Figure>): Promise<ModuleOutcome> {
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  console.log(`▶ ${name}`);
  try {
    const mod = (await import(pathToFileURL(path.join(FIGURES_DIR, `${name}.ts`)).href)) as { measure?: () => Promise<Record<string, Figure>> };
    if (typeof mod.measure !== 'function') throw new Error('does not export measure()');
    const measured = await mod.measure();
    for (const [key, value] of Object.entries(measured)) {
      if (key in figures) throw new Error(`figure ${key} is already measured by another module`);
      figures[key] = value;
    }
    console.log(`  ${name}: ${Object.keys(measured).length} figures in ${seconds()} s`);
    return { module: name, status: 'ok', seconds: seconds() };
  } catch (err) {
    const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    console.error(`  ${name} FAILED: ${error}`);
    return { module: name, status: 'failed', seconds: seconds(), error: error.split('\n')[0]! };
  }
}

const show = (f: Figure | undefined) => (f === undefined ? '' : typeof f === 'number' ? String(f) : String(f.median));

function table(figures: Record<string, Figure>, outcomes: ModuleOutcome[], available: string[]): { lines: string[]; missed: number } {
  const failed = new Map(outcomes.filter((o) => o.status === 'failed').map((o) => [o.module, o]));
  const names = [...new Set([...REQUIRED_FIGURES, ...Object.keys(figures)])].sort();
  const rows = [['figure', 'median', 'min', 'max', 'runs', 'target', 'met']];
  let missed = 0;
  for (const name of names) {
    const f = figures[name];
    const target = TARGETS[name];
    const module = name.split('.')[0]!;
    let met = '';
    if (f === undefined) {
      met = failed.has(module)
        ? 'module failed'
        : outcomes.some((o) => o.module === module)
          ? 'not measured'
          : available.includes(module)
            ? 'not run'
            : 'module absent';
      if (target) missed++;
    } else if (target) {
      met = meets(target, medianOf(f)) ? 'yes' : 'NO';
      if (met === 'NO') missed++;
    }
    const shape = typeof f === 'object' ? f : undefined;
    rows.push([name, show(f), shape ? String(shape.min) : '', shape ? String(shape.max) : '', shape ? String(shape.runs) : f === undefined ? '' : '1', target ? describeTarget(target) : '', met]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((cell, i) => (i === 0 || i >= 5 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return { lines, missed };
}

async function main() {
  const only = process.argv.slice(2);
  const available = moduleNames();
  const unknown = only.filter((m) => !available.includes(m));
  if (unknown.length) throw new Error(`no figure module ${unknown.join(', ')} in tests/bench/figures (there are: ${available.join(', ')})`);
  const selected = only.length ? only : available;
  const loadAtStart = loadAverage();
  const figures: Record<string, Figure> = {};
  const outcomes: ModuleOutcome[] = [];
  for (const name of selected) outcomes.push(await runModule(name, figures));

  const { lines, missed } = table(figures, outcomes, available);
  console.log(`\n${lines.join('\n')}\n`);
  const failures = outcomes.filter((o) => o.status === 'failed');
  console.log(`${selected.length} modules (${failures.length} failed), ${Object.keys(figures).length} figures, ${missed} targets missed or unmeasured`);
  console.log(`load average (1 min) ${loadAtStart} at the start, ${loadAverage()} at the end, on ${os.cpus().length} cores`);

  if (!only.length) {
    const dirty = git(['status', '--porcelain', '--untracked-files=no']) !== '';
    const results = {
      commit: `${git(['rev-parse', 'HEAD'])}${dirty ? '-dirty' : ''}`,
      date: new Date().toISOString(),
      machine: machine(loadAtStart),
      modules: outcomes,
      figures: Object.fromEntries(Object.entries(figures).sort(([a], [b]) => (a < b ? -1 : 1))),
    };
    mkdirSync(path.dirname(RESULTS), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`written ${path.relative(ROOT, RESULTS)}`);
  }
  process.exitCode = failures.length ? 1 : 0;
}

// Ctrl-C: stop the wrangler dev a figure module started and remove its state under .bench/.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopAll().finally(() => {
      const dir = path.join(ROOT, '.bench');
      const entries = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : [];
      for (const f of entries.filter((d) => d.name.endsWith(`-${process.pid}`))) rmSync(path.join(dir, f.name), { recursive: true, force: true });
      process.exit(130);
    });
  });
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
