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
