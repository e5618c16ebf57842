// Curve smoothing and log-scale safety for charts.

export const MAX_SMOOTHING = 0.99;

/** Clamps a smoothing factor to 0..0.99 (a non-number becomes 0). */
export function clampSmoothing(factor: number): number {
  if (!Number.isFinite(factor)) return 0;
  return Math.min(MAX_SMOOTHING, Math.max(0, factor));
}

/**
 * Exponential moving average with bias correction (as TensorBoard draws it): the first point is
 * the first value, not pulled toward zero. Gaps (null, NaN, ±Infinity) stay gaps and do not
 * disturb the average. Factor 0 returns the values unchanged.
 */
export function smooth(values: readonly (number | null)[], factor: number): (number | null)[] {
  const weight = clampSmoothing(factor);
  if (weight === 0) return values.map((value) => (value !== null && Number.isFinite(value) ? value : null));
  let average = 0;
  let correction = 1;
  return values.map((value) => {
    if (value === null || !Number.isFinite(value)) return null;
    average = average * weight + (1 - weight) * value;
    correction *= weight;
    return average / (1 - correction);
  });
}

/** Values a log axis can draw: zero, negatives and non-finite values become gaps. */
export function logSafe(values: readonly (number | null)[]): (number | null)[] {
  return values.map((value) => (value !== null && Number.isFinite(value) && value > 0 ? value : null));
}

/** A positive [min, max] range for a log axis around the given values (a decade when empty or flat). */
export function logRange(values: readonly (number | null)[]): [number, number] {
  let low = Number.POSITIVE_INFINITY;
  let high = 0;
  for (const value of values) {
    if (value === null || !Number.isFinite(value) || value <= 0) continue;
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  if (high === 0) return [0.1, 1];
  const bottom = 10 ** Math.floor(Math.log10(low));
  const top = 10 ** Math.ceil(Math.log10(high));
  return top > bottom ? [bottom, top] : [bottom, bottom * 10];
}
