// Numbers that tell how a GAN is doing, from its samples: the discriminator's mean verdict, how
// far the samples spread, and for classed 2-D data (the ring of Gaussians) how many of the
// classes' centres draw generated points.

export function sigmoid(logit: number): number {
  return 1 / (1 + Math.exp(-logit));
}

/** The mean probability "real" of discriminator logits. */
export function meanProbability(logits: ArrayLike<number>): number {
  if (logits.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += sigmoid(logits[i]);
  return sum / logits.length;
}

/** Root-mean-square distance of `count` examples of `size` values from their mean example. */
export function spreadOf(values: ArrayLike<number>, count: number, size: number): number {
  if (count === 0) return Number.NaN;
  const mean = new Float64Array(size);
  for (let row = 0; row < count; row++) for (let i = 0; i < size; i++) mean[i] += values[row * size + i] / count;
  let squares = 0;
  for (let row = 0; row < count; row++) for (let i = 0; i < size; i++) squares += (values[row * size + i] - mean[i]) ** 2;
  return Math.sqrt(squares / count);
}

/** Each class's mean (x, y), and the root-mean-square distance of points from their class's mean. */
export function classCentres(points: ArrayLike<number>, labels: ArrayLike<number>, classes: number): { centres: Float64Array; spread: number } {
  const centres = new Float64Array(classes * 2);
  const counts = new Float64Array(classes);
  for (let row = 0; row < labels.length; row++) {
    counts[labels[row]]++;
    centres[2 * labels[row]] += points[2 * row];
    centres[2 * labels[row] + 1] += points[2 * row + 1];
  }
  for (let label = 0; label < classes; label++) {
    centres[2 * label] /= Math.max(1, counts[label]);
    centres[2 * label + 1] /= Math.max(1, counts[label]);
  }
  let squares = 0;
  for (let row = 0; row < labels.length; row++) squares += (points[2 * row] - centres[2 * labels[row]]) ** 2 + (points[2 * row + 1] - centres[2 * labels[row] + 1]) ** 2;
  return { centres, spread: Math.sqrt(squares / Math.max(1, labels.length)) };
}

/** A mode counts as covered when at least this share of an even split of the points lands near it. */
export const COVERED_SHARE = 0.25;

/**
 * Generated (x, y) points against the centres: a point is near a centre within `radius`; a centre
 * is covered when at least COVERED_SHARE × (points / centres) are near it. `onModes`: the share
 * of points near some centre.
 */
export function modeCoverage(generated: ArrayLike<number>, centres: ArrayLike<number>, radius: number): { covered: number; total: number; onModes: number } {
  const total = Math.floor(centres.length / 2);
  const count = Math.floor(generated.length / 2);
  const near = new Array<number>(total).fill(0);
  let onModes = 0;
  for (let row = 0; row < count; row++) {
    let best = -1;
    let bestDistance = radius;
    for (let centre = 0; centre < total; centre++) {
      const distance = Math.hypot(generated[2 * row] - centres[2 * centre], generated[2 * row + 1] - centres[2 * centre + 1]);
      if (distance <= bestDistance) {
        best = centre;
        bestDistance = distance;
      }
    }
    if (best === -1) continue;
    near[best]++;
    onModes++;
  }
  const needed = Math.max(1, (COVERED_SHARE * count) / Math.max(1, total));
  return { covered: near.filter((points) => points >= needed).length, total, onModes: count === 0 ? 0 : onModes / count };
}
