// The error function in double precision (JavaScript has none), for the exact GELU.
// |x| < 2.5: erf(x) = 2/√π · e^(-x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)), a series of positive terms.
// |x| ≥ 2.5: erfc(x) = e^(-x²)/√π · 1/(x + ½/(x + 1/(x + (3/2)/(x + …)))), by Lentz's method.
// Both reach about 1e-16 relative error.

const ROOT_PI = Math.sqrt(Math.PI);
const SERIES_LIMIT = 2.5;
const TINY = 1e-300;

function erfSeries(x: number): number {
  const square = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 100; n++) {
    term *= (2 * square) / (2 * n + 1);
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  return ((2 / ROOT_PI) * Math.exp(-square)) * sum;
}

/** erfc for x ≥ SERIES_LIMIT: the continued fraction x + (1/2)/(x + (2/2)/(x + (3/2)/(x + …))). */
function erfcContinuedFraction(x: number): number {
  let fraction = x;
  let numerator = x;
  let denominator = 0;
  for (let n = 1; n < 500; n++) {
    const coefficient = n / 2;
    denominator = x + coefficient * denominator;
    numerator = x + coefficient / numerator;
    if (denominator === 0) denominator = TINY;
    if (numerator === 0) numerator = TINY;
    denominator = 1 / denominator;
    const change = numerator * denominator;
    fraction *= change;
    if (Math.abs(change - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (ROOT_PI * fraction);
}

export function erf(x: number): number {
  if (Number.isNaN(x)) return x;
  if (Math.abs(x) < SERIES_LIMIT) return erfSeries(x);
  return x > 0 ? 1 - erfcContinuedFraction(x) : erfcContinuedFraction(-x) - 1;
}

/** 1 - erf(x), without the cancellation for large x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x >= SERIES_LIMIT) return erfcContinuedFraction(x);
  if (x <= -SERIES_LIMIT) return 2 - erfcContinuedFraction(-x);
  return 1 - erfSeries(x);
}

/** Φ(x), the standard normal cumulative distribution. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** φ(x), the standard normal density. */
export function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}
