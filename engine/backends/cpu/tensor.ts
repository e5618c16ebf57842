// The CPU backend's view of a buffer: a shape and the typed array that holds it, row-major.
import type { FloatArray } from '../../ir/index.ts';
import { elementCount } from '../../ir/index.ts';

export type { FloatArray };

export interface CpuTensor {
  readonly shape: readonly number[];
  readonly data: FloatArray | Int32Array;
}

/**
 * `shape` as small integers. V8 may store a shape built from computed numbers (`[32, 28, 28, 1]`) as
 * doubles; every index derived from it is then a double, which makes typed-array loops about 2×
 * slower and leaves that slower code in place for later calls too. Kernels and bound tensors use this.
 */
export function integerShape(shape: readonly number[]): number[] {
  return Array.from(shape, (size) => size | 0);
}

/** The data of a real-valued tensor; `what` names it in the error (e.g. 'conv2d input'). */
export function floats(tensor: CpuTensor, what: string): FloatArray {
  if (tensor.data instanceof Int32Array) throw new TypeError(`${what} must hold real numbers (f32), but holds integers (i32).`);
  checkLength(tensor, what);
  return tensor.data;
}

/** The data of an integer tensor (ids, labels). */
export function integers(tensor: CpuTensor, what: string): Int32Array {
  if (!(tensor.data instanceof Int32Array)) throw new TypeError(`${what} must hold integers (i32), but holds real numbers.`);
  checkLength(tensor, what);
  return tensor.data;
}

function checkLength(tensor: CpuTensor, what: string): void {
  const expected = elementCount(tensor.shape);
  if (tensor.data.length !== expected) throw new RangeError(`${what} has ${tensor.data.length} values, but its shape [${tensor.shape.join(', ')}] needs ${expected}.`);
}

/** Throws unless `tensor` has exactly `shape`. */
export function expectShape(tensor: CpuTensor, shape: readonly number[], what: string): void {
  const same = tensor.shape.length === shape.length && tensor.shape.every((dimension, axis) => dimension === shape[axis]);
  if (!same) throw new RangeError(`${what} has shape [${tensor.shape.join(', ')}], expected [${shape.join(', ')}].`);
}

/** Throws unless `tensor` has `count` elements (for outputs whose axes may be kept or dropped). */
export function expectCount(tensor: CpuTensor, count: number, what: string): void {
  const actual = elementCount(tensor.shape);
  if (actual !== count) throw new RangeError(`${what} has ${actual} values (shape [${tensor.shape.join(', ')}]), expected ${count}.`);
}

/** Throws unless `tensor` has `rank` axes. */
export function expectRank(tensor: CpuTensor, rank: number, what: string): void {
  if (tensor.shape.length !== rank) throw new RangeError(`${what} must have ${rank} axes, but has shape [${tensor.shape.join(', ')}].`);
}

/** Product of the axes before `axis` (rows) and from `axis` on (columns). */
export function rowsAndColumns(shape: readonly number[], axis: number): { rows: number; columns: number } {
  let rows = 1;
  let columns = 1;
  for (let index = 0; index < shape.length; index++) {
    if (index < axis) rows *= shape[index];
    else columns *= shape[index];
  }
  return { rows, columns };
}

/** The size of the last axis (1 for a scalar). */
export function lastDimension(shape: readonly number[]): number {
  return shape.length === 0 ? 1 : shape[shape.length - 1];
}
