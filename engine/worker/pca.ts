// Principal component analysis of latent codes, for the latent lab's plane when a code has more
// than 2 values: the mean, the two directions of largest variance (power iteration on the
// covariance, the second after deflating the first), and the share of variance along each.
import type { LatentProjection } from '../protocol/index.ts';

const ITERATIONS = 300;

/** The covariance (divided by the row count) of rows × size values around their mean. */
function covariance(values: Float32Array, rows: number, size: number, mean: Float64Array): Float64Array {
  const matrix = new Float64Array(size * size);
  const centred = new Float64Array(size);
  for (let row = 0; row < rows; row++) {
    for (let i = 0; i < size; i++) centred[i] = values[row * size + i] - mean[i];
    for (let i = 0; i < size; i++) {
      const scaled = centred[i] / rows;
      if (scaled === 0) continue;
      for (let j = 0; j < size; j++) matrix[i * size + j] += scaled * centred[j];
    }
  }
  return matrix;
}

function multiply(matrix: Float64Array, vector: Float64Array, size: number): Float64Array {
  const result = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let sum = 0;
    for (let j = 0; j < size; j++) sum += matrix[i * size + j] * vector[j];
    result[i] = sum;
  }
  return result;
}

function normalizeVector(vector: Float64Array): number {
  const length = Math.hypot(...vector);
  if (length > 0) for (let i = 0; i < vector.length; i++) vector[i] /= length;
  return length;
}

/** Removes from `vector` its parts along each of `basis` (unit vectors). */
function orthogonalize(vector: Float64Array, basis: readonly Float64Array[]): void {
  for (const axis of basis) {
    let dot = 0;
    for (let i = 0; i < vector.length; i++) dot += vector[i] * axis[i];
    for (let i = 0; i < vector.length; i++) vector[i] -= dot * axis[i];
  }
}

/** The unit eigenvector of the largest eigenvalue orthogonal to `basis`, and that eigenvalue; signs make the largest entry positive. */
function leadingAxis(matrix: Float64Array, size: number, basis: readonly Float64Array[], scale: number): { axis: Float64Array; value: number } {
  const negligible = 1e-10 * Math.max(scale, Number.MIN_VALUE);
  let axis: Float64Array = Float64Array.from({ length: size }, (_, i) => 1 + i / size);
  orthogonalize(axis, basis);
  if (normalizeVector(axis) === 0) axis = Float64Array.from({ length: size }, (_, i) => (i === basis.length ? 1 : 0));
  let value = 0;
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const next = multiply(matrix, axis, size);
    orthogonalize(next, basis);
    value = normalizeVector(next);
    if (value <= negligible) {
      value = 0;
      break;
    }
    axis = next;
  }
  // No variance left: any unit vector orthogonal to the basis will do (the first axis one that is).
  if (value === 0) {
    for (let index = 0; index < size; index++) {
      const candidate = Float64Array.from({ length: size }, (_, i) => (i === index ? 1 : 0));
      orthogonalize(candidate, basis);
      if (normalizeVector(candidate) > 1e-9) {
        axis = candidate;
        break;
      }
    }
  }
  let largest = 0;
  for (let i = 1; i < size; i++) if (Math.abs(axis[i]) > Math.abs(axis[largest]) + 1e-12) largest = i;
  if (axis[largest] < 0) for (let i = 0; i < size; i++) axis[i] = -axis[i];
  return { axis, value };
}

/** The two principal axes of rows × size values (size ≥ 2). */
export function principalAxes(values: Float32Array, rows: number, size: number): LatentProjection {
  const mean = new Float64Array(size);
  for (let row = 0; row < rows; row++) for (let i = 0; i < size; i++) mean[i] += values[row * size + i] / rows;
  const matrix = covariance(values, rows, size, mean);
  let trace = 0;
  for (let i = 0; i < size; i++) trace += matrix[i * size + i];
  const first = leadingAxis(matrix, size, [], trace);
  const second = leadingAxis(matrix, size, [first.axis], trace);
  const share = (value: number) => (trace > 0 ? value / trace : 0);
  return { mean: [...mean], first: [...first.axis], second: [...second.axis], explained: [share(first.value), share(second.value)] };
}

/** Each row's (x, y) on the projection's plane. */
export function project(values: Float32Array, rows: number, projection: LatentProjection): Float32Array {
  const size = projection.mean.length;
  const points = new Float32Array(rows * 2);
  for (let row = 0; row < rows; row++) {
    let x = 0;
    let y = 0;
    for (let i = 0; i < size; i++) {
      const centred = values[row * size + i] - projection.mean[i];
      x += centred * projection.first[i];
      y += centred * projection.second[i];
    }
    points[2 * row] = x;
    points[2 * row + 1] = y;
  }
  return points;
}

/** The codes of points of the plane: mean + x·first + y·second. */
export function unproject(points: ArrayLike<number>, projection: LatentProjection): Float32Array {
  const size = projection.mean.length;
  const rows = Math.floor(points.length / 2);
  const codes = new Float32Array(rows * size);
  for (let row = 0; row < rows; row++) {
    for (let i = 0; i < size; i++) codes[row * size + i] = projection.mean[i] + points[2 * row] * projection.first[i] + points[2 * row + 1] * projection.second[i];
  }
  return codes;
}
