// Index helpers shared by the broadcasting and reducing kernels. They allocate only rank-sized arrays.
import type { FloatArray } from '../tensor.ts';
import { doubleScratch } from './scratch.ts';

/** The numpy broadcast of two shapes (aligned on the right; a size-1 axis stretches). */
export function broadcastShape(a: readonly number[], b: readonly number[], what: string): number[] {
  const rank = Math.max(a.length, b.length);
  const shape: number[] = [];
  for (let axis = 0; axis < rank; axis++) {
    const fromA = a[axis - rank + a.length] ?? 1;
    const fromB = b[axis - rank + b.length] ?? 1;
    if (fromA !== fromB && fromA !== 1 && fromB !== 1) throw new RangeError(`${what}: shapes [${a.join(', ')}] and [${b.join(', ')}] do not broadcast.`);
    shape.push(fromA === 1 ? fromB : fromA);
  }
  return shape;
}

/** Strides for reading a tensor of `shape` as if it had the broadcast shape `target`: 0 along stretched axes. */
export function broadcastStrides(shape: readonly number[], target: readonly number[], what: string): number[] {
  if (shape.length > target.length) throw new RangeError(`${what}: [${shape.join(', ')}] has more axes than [${target.join(', ')}].`);
  const strides = new Array<number>(target.length).fill(0);
  let stride = 1;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const targetAxis = axis + target.length - shape.length;
    if (shape[axis] !== 1 && shape[axis] !== target[targetAxis]) {
      throw new RangeError(`${what}: [${shape.join(', ')}] does not broadcast to [${target.join(', ')}].`);
    }
    strides[targetAxis] = shape[axis] === 1 ? 0 : stride;
    stride *= shape[axis];
  }
  return strides;
}

/** Memory offset of the `index`-th element of `shape` (row-major) under `strides`. */
export function offsetOf(index: number, shape: readonly number[], strides: readonly number[]): number {
  let remaining = index;
  let offset = 0;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const coordinate = remaining % shape[axis];
    remaining = (remaining - coordinate) / shape[axis];
    offset += coordinate * strides[axis];
  }
  return offset;
}

/** Offset of the start of row `row` (a row spans the last axis) under `strides`. */
export function rowOffset(row: number, shape: readonly number[], strides: readonly number[]): number {
  let remaining = row;
  let offset = 0;
  for (let axis = shape.length - 2; axis >= 0; axis--) {
    const coordinate = remaining % shape[axis];
    remaining = (remaining - coordinate) / shape[axis];
    offset += coordinate * strides[axis];
  }
  return offset;
}

/** Row-major strides of a shape. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    strides[axis] = stride;
    stride *= shape[axis];
  }
  return strides;
}

/**
 * The shape as [outer, middle, inner] blocks when the reduced axes are adjacent (ignoring axes of
 * size 1): the kept axes before them, the reduced ones, the kept ones after. Null otherwise.
 */
export function adjacentBlocks(shape: readonly number[], reduced: readonly boolean[]): [number, number, number] | null {
  const blocks: [number, number, number] = [1, 1, 1];
  let part = 0;
  for (let axis = 0; axis < shape.length; axis++) {
    if (shape[axis] === 1) continue;
    if (reduced[axis]) {
      if (part === 2) return null;
      part = 1;
    } else if (part === 1) part = 2;
    blocks[part] *= shape[axis];
  }
  return blocks;
}

/** y[o, i] = factor · Σ_m x[o, m, i]: whole rows of `inner` values added into a double-precision row. */
function sumMiddle(x: FloatArray, [outer, middle, inner]: readonly [number, number, number], y: FloatArray, factor: number): void {
  const sums = doubleScratch('sums', inner);
  for (let o = 0; o < outer; o++) {
    sums.fill(0, 0, inner);
    for (let m = 0; m < middle; m++) {
      const start = (o * middle + m) * inner;
      for (let i = 0; i < inner; i++) sums[i] += x[start + i];
    }
    for (let i = 0; i < inner; i++) y[o * inner + i] = sums[i] * factor;
  }
}

/**
 * y[kept] = factor · Σ x over the axes flagged in `reduced`, accumulated in double precision.
 * y has as many elements as the kept axes (in order).
 */
export function sumOverAxes(x: FloatArray, shape: readonly number[], reduced: readonly boolean[], y: FloatArray, factor: number): void {
  const blocks = adjacentBlocks(shape, reduced);
  if (blocks !== null) return sumMiddle(x, blocks, y, factor);
  const strides = contiguousStrides(shape);
  const keptShape = shape.filter((_, axis) => !reduced[axis]);
  const keptStrides = strides.filter((_, axis) => !reduced[axis]);
  const reducedShape = shape.filter((_, axis) => reduced[axis]);
  const reducedStrides = strides.filter((_, axis) => reduced[axis]);
  let reducedCount = 1;
  for (const size of reducedShape) reducedCount *= size;
  for (let index = 0; index < y.length; index++) {
    const base = offsetOf(index, keptShape, keptStrides);
    let sum = 0;
    for (let inner = 0; inner < reducedCount; inner++) sum += x[base + offsetOf(inner, reducedShape, reducedStrides)];
    y[index] = sum * factor;
  }
}
