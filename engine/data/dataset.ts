// A dataset in memory: all inputs in one typed array, all targets in another, example after
// example. Nothing here copies per epoch: splits are index lists, the batcher copies examples
// by index into preallocated batch buffers.
import { DataError } from './dataError.ts';

/**
 * Inputs of all examples, example after example, each `inputDims` (channels last for images).
 * `byte` holds 8-bit data (pixels) at a quarter of the memory; its value is `byte * scale`.
 */
export type DatasetInputs =
  | { readonly kind: 'float'; readonly values: Float32Array }
  | { readonly kind: 'byte'; readonly values: Uint8Array; readonly scale: number }
  | { readonly kind: 'token'; readonly values: Int32Array };

/**
 * Targets of all examples, each `targetDims`: `class` ids index classNames; `token` ids (one per
 * time step) index the dataset's vocabulary; `value` is a regression target; `none` has none.
 */
export type DatasetTargets =
  | { readonly kind: 'class'; readonly values: Int32Array; readonly classNames: readonly string[] }
  | { readonly kind: 'token'; readonly values: Int32Array }
  | { readonly kind: 'value'; readonly values: Float32Array }
  | { readonly kind: 'none' };

export interface Dataset {
  readonly name: string;
  readonly count: number;
  /** One example's input dims, without the batch: images H×W×C, sequences T×F, vectors F. */
  readonly inputDims: readonly number[];
  readonly inputs: DatasetInputs;
  /** One example's target dims: [] for one class id, [1] for one regression value, [T] for one token per step. */
  readonly targetDims: readonly number[];
  readonly targets: DatasetTargets;
  /** The symbol of each token id, for token inputs. */
  readonly vocabulary?: readonly string[];
  /** The name of each input feature when known (CSV column names). */
  readonly featureNames?: readonly string[];
}

export function product(dims: readonly number[]): number {
  return dims.reduce((total, dim) => total * dim, 1);
}

/** Values per example in the inputs. */
export function inputSize(dataset: Dataset): number {
  return product(dataset.inputDims);
}

/** Values per example in the targets (0 when there are none). */
export function targetSize(dataset: Dataset): number {
  return dataset.targets.kind === 'none' ? 0 : product(dataset.targetDims);
}

export function classNamesOf(dataset: Dataset): readonly string[] | undefined {
  return dataset.targets.kind === 'class' ? dataset.targets.classNames : undefined;
}

/** Input value `index` (over the whole array) as a number, whatever the storage. */
export function inputValue(inputs: DatasetInputs, index: number): number {
  return inputs.kind === 'byte' ? inputs.values[index] * inputs.scale : inputs.values[index];
}

/** Checks that array lengths agree with count and dims, and class ids with class names. */
export function createDataset(dataset: Dataset): Dataset {
  const place = { file: dataset.name };
  if (!Number.isInteger(dataset.count) || dataset.count < 0) throw new DataError(place, `count ${dataset.count} is not a whole number`);
  for (const dims of [dataset.inputDims, dataset.targetDims]) {
    if (dims.some((dim) => !Number.isInteger(dim) || dim < 1)) throw new DataError(place, `dims [${dims.join(', ')}] must be positive whole numbers`);
  }
  const expectedInputs = dataset.count * inputSize(dataset);
  if (dataset.inputs.values.length !== expectedInputs) {
    throw new DataError(place, `${dataset.inputs.values.length} input values, expected ${dataset.count} × ${inputSize(dataset)} = ${expectedInputs}`);
  }
  const targets = dataset.targets;
  if (targets.kind === 'none') return dataset;
  const expectedTargets = dataset.count * targetSize(dataset);
  if (targets.values.length !== expectedTargets) {
    throw new DataError(place, `${targets.values.length} target values, expected ${dataset.count} × ${targetSize(dataset)} = ${expectedTargets}`);
  }
  if (targets.kind === 'class') checkIds(targets.values, targets.classNames.length, targetSize(dataset), place.file, 'class');
  if (targets.kind === 'token') checkIds(targets.values, dataset.vocabulary?.length ?? 0, targetSize(dataset), place.file, 'target token');
  if (dataset.inputs.kind === 'token') checkIds(dataset.inputs.values, dataset.vocabulary?.length ?? 0, inputSize(dataset), place.file, 'input token');
  return dataset;
}

function checkIds(values: Int32Array, limit: number, perExample: number, file: string, what: string): void {
  for (let index = 0; index < values.length; index++) {
    const id = values[index];
    if (id < 0 || id >= limit) throw new DataError({ file, record: Math.floor(index / perExample) }, `${what} id ${id} is outside 0..${limit - 1}`);
  }
}

/** How many examples of each class (for class targets; token and value targets: undefined). */
export function classCounts(dataset: Dataset): Int32Array | undefined {
  if (dataset.targets.kind !== 'class') return undefined;
  const counts = new Int32Array(dataset.targets.classNames.length);
  for (const id of dataset.targets.values) counts[id]++;
  return counts;
}
