// Train/validation split by fraction: a seeded permutation of the example indices, cut in two.
// Nothing is copied: both parts are index lists for the batcher.
import { DataError } from './dataError.ts';
import { permutation } from './random.ts';

export interface Split {
  /** Example indices, in ascending order. */
  readonly train: Int32Array;
  readonly validation: Int32Array;
}

/**
 * `Math.round(count × validationFraction)` examples go to validation, chosen by a seeded
 * permutation; the rest to training. Same count, fraction and seed: same split. Both lists are
 * sorted ascending so the split does not depend on how the batcher later shuffles.
 */
export function splitIndices(count: number, validationFraction: number, seed: number): Split {
  if (!(validationFraction >= 0 && validationFraction < 1)) {
    throw new DataError({ file: 'split', field: 'validationSplit' }, `${validationFraction} must be at least 0 and below 1`);
  }
  const order = permutation(count, seed);
  const validationCount = Math.round(count * validationFraction);
  const validation = order.slice(0, validationCount).sort();
  const train = order.slice(validationCount).sort();
  return { train, validation };
}

/** 0..count-1, for using a whole dataset. */
export function allIndices(count: number): Int32Array {
  const indices = new Int32Array(count);
  for (let index = 0; index < count; index++) indices[index] = index;
  return indices;
}

/**
 * The same indices with `count` of them, evenly spaced through the list, moved to the front:
 * the examples a run shows every epoch (reconstructions, series) then span the whole set, not
 * just its start (MNIST's file is sorted by digit).
 */
export function spreadFirst(indices: Int32Array, count: number): Int32Array {
  const shown = Math.min(count, indices.length);
  const picked = new Set<number>();
  for (let row = 0; row < shown; row++) picked.add(Math.floor((row * indices.length) / shown));
  const result = new Int32Array(indices.length);
  let next = 0;
  for (const position of picked) result[next++] = indices[position];
  indices.forEach((index, position) => {
    if (!picked.has(position)) result[next++] = index;
  });
  return result;
}
