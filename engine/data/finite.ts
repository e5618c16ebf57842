// Data must be finite: a NaN or an infinity in a dataset would surface much later as a
// "divergence" of the training run. Readers of float data refuse it where it is read, naming
// the file, the row (first dim) and the position in the row.
import { DataError } from './dataError.ts';

/** The index of the first value in [from, to) that is NaN or infinite, or -1. */
export function firstNonFinite(values: ArrayLike<number>, from = 0, to = values.length): number {
  for (let index = from; index < to; index++) if (!Number.isFinite(values[index])) return index;
  return -1;
}

function describeValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (Number.isFinite(value)) return 'beyond the float32 range (about ±3.4e38)';
  return `${value > 0 ? '' : 'minus '}infinite (or beyond the float32 range, about ±3.4e38)`;
}

/** The DataError for a non-finite value at `index` of an array whose rows have `perRow` values. */
export function nonFiniteError(file: string, index: number, perRow: number, value: number): DataError {
  const row = Math.floor(index / Math.max(perRow, 1));
  const column = index - row * Math.max(perRow, 1);
  return new DataError(
    { file, record: row },
    `the value at row ${row}, column ${column} (element ${index}) is ${describeValue(value)}; data must be finite numbers: fix or drop that row`,
  );
}

/** Throws a nonFiniteError for the first non-finite value in [from, to). */
export function requireFinite(values: ArrayLike<number>, file: string, perRow: number, from = 0, to = values.length): void {
  const bad = firstNonFinite(values, from, to);
  if (bad >= 0) throw nonFiniteError(file, bad, perRow, values[bad]);
}

/** `values` as float32, refusing a value that is finite only as float64 (1e300). */
export function toFiniteFloat32(values: ArrayLike<number>, file: string, perRow: number): Float32Array<ArrayBuffer> {
  const converted = Float32Array.from(values);
  const bad = firstNonFinite(converted);
  if (bad >= 0) throw nonFiniteError(file, bad, perRow, values[bad]);
  return converted;
}
