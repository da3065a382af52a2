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

/** Widest span of whole numbers counted instead of sorted. */
const MAX_COUNTED_SPAN = 1 << 16;

/**
 * The percentiles `ps` of unsorted values, exactly as percentile() over the sorted values.
 * The measures' values are whole days in a span of a few hundred, so they are counted
 * (one pass and a histogram) rather than copied and sorted; any other values are sorted.
 */
export function percentiles(values: readonly number[], ps: readonly number[]): Array<number | null> {
  const n = values.length;
  if (n === 0) return ps.map(() => null);
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    if (whole && !Number.isInteger(v)) whole = false;
  }
  if (!whole || max - min > MAX_COUNTED_SPAN) {
    const sorted = Float64Array.from(values).sort(); // numeric sort
    return ps.map((p) => percentile(sorted, p));
  }
  const counts = new Int32Array(max - min + 1);
  for (let i = 0; i < n; i++) counts[values[i]! - min]!++;
  // The value at each rank needed, found in one walk of the histogram in rank order.
  const ranks = ps.flatMap((p) => {
    const lo = Math.floor((n - 1) * p);
    return [lo, Math.min(lo + 1, n - 1)];
  });
  const order = ranks.map((r, i) => [r, i] as const).sort((a, b) => a[0] - b[0]);
  const at = new Array<number>(ranks.length);
  let value = 0;
  let seen = counts[0]!; // values <= min + value
  for (const [rank, i] of order) {
    while (seen <= rank) seen += counts[++value]!;
    at[i] = min + value;
  }
  return ps.map((p, i) => {
    const h = (n - 1) * p;
    const a = at[2 * i]!;
    return a + (h - Math.floor(h)) * (at[2 * i + 1]! - a);
  });
}

export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) return { count: 0, mean: null, median: null, p90: null };
  let sum = 0;
  for (const v of values) sum += v;
  const [median, p90] = percentiles(values, [0.5, 0.9]);
  return { count: values.length, mean: sum / values.length, median: median!, p90: p90! };
}

export const rate = (numerator: number, denominator: number): Rate => (denominator > 0 ? numerator / denominator : null);
