// Binning values into a histogram: equal bins spanning the values' own range. Plain TS, no DOM.
import type { Histogram } from '../protocol/index.ts';

/**
 * Counts `values` in `bins` equal bins from their smallest to their largest finite value; the
 * largest falls in the last bin. When every value is the same, all of them fall in the middle bin.
 * NaN and infinities are counted apart, in `nonFinite`.
 */
export function histogram(values: ArrayLike<number>, bins: number): Histogram {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`A histogram needs a whole number of bins (at least 1), not ${bins}.`);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let nonFinite = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!Number.isFinite(value)) nonFinite++;
    else {
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  const counts = new Array<number>(bins).fill(0);
  if (min > max) return { min: 0, max: 0, counts, nonFinite };
  const range = max - min;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!Number.isFinite(value)) continue;
    counts[binOf(value, min, range, bins)]++;
  }
  return { min, max, counts, nonFinite };
}

function binOf(value: number, min: number, range: number, bins: number): number {
  if (range === 0) return Math.floor(bins / 2);
  return Math.min(bins - 1, Math.floor(((value - min) * bins) / range));
}
