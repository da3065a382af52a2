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

/**
 * Times `run` `runs` times after `warmup` untimed calls (so the JIT has compiled the hot
 * paths, as it has in a page that has drawn a report before).
 */
export function timeSync(run: () => unknown, runs: number, warmup = 5): Exclude<Figure, number> {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return figureOf(times);
}

/** The median of a figure, whichever shape it has. */
export const medianOf = (f: Figure) => (typeof f === 'number' ? f : f.median);
