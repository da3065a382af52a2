import type { Rate, Summary } from './types';

/**
 * Percentiles by linear interpolation between closest ranks (R-7, Excel PERCENTILE.INC,
 * NumPy's default): h = (n - 1) * p, then interpolate between the values at floor(h) and
 * ceil(h) of the sorted list. So the median of an even count is the mean of the middle
 * two. Used for every median and 90th percentile in the reports.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a + (h - lo) * (b - a);
}

export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) return { count: 0, mean: null, median: null, p90: null };
  const sorted = Float64Array.from(values).sort(); // numeric sort
  let sum = 0;
  for (const v of values) sum += v;
  return { count: values.length, mean: sum / values.length, median: percentile(sorted, 0.5), p90: percentile(sorted, 0.9) };
}

export const rate = (numerator: number, denominator: number): Rate => (denominator > 0 ? numerator / denominator : null);
