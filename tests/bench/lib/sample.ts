import type { Figure } from '../figures/figure';

/** Median, min and max of measured values (milliseconds or any unit), rounded to 0.01. */
export function figureOf(values: readonly number[]): Exclude<Figure, number> {
  if (values.length === 0) throw new Error('no values measured');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const round = (n: number) => Math.round(n * 100) / 100;
  return { median: round(median), min: round(sorted[0]!), max: round(sorted.at(-1)!), runs: sorted.length };
}

/** Milliseconds of CPU this process used (user + system, every thread: GC helpers included, so never less than the work itself). */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Times `run` `runs` times after `warmup` untimed calls (so the JIT has compiled the hot
 * paths, as it has in a page that has drawn a report before), by the wall clock and by the
 * CPU the process used. On a machine shared with other work the wall clock also counts the
 * time spent waiting for a core; the CPU time is the work itself, what the run costs on an idle machine.
 */
export function timeSync(run: () => unknown, runs: number, warmup = 5): { wall: Exclude<Figure, number>; cpu: Exclude<Figure, number> } {
  for (let i = 0; i < warmup; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = cpuMs();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    cpu.push(cpuMs() - cpuStart);
  }
  return { wall: figureOf(wall), cpu: figureOf(cpu) };
}

/** The median of a figure, whichever shape it has. */
export const medianOf = (f: Figure) => (typeof f === 'number' ? f : f.median);
