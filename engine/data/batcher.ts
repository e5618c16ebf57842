// Fills preallocated batch buffers from a dataset by index: no allocation per batch or epoch.
// Each epoch visits the given indices in a seeded order (shuffle) or as given, every example
// exactly once. The last partial batch is either dropped ('drop', the default for training:
// every batch is full and the same shape) or padded ('pad'): its empty rows repeat the epoch's
// first examples, `count` says how many rows are new, so an evaluation counts rows [0, count).
import { DataError } from './dataError.ts';
import { inputSize, targetSize, type Dataset } from './dataset.ts';
import { applyNormalization, type Normalization } from './normalize.ts';
import { allIndices } from './split.ts';
import { createRandom, mixSeed, shuffleInPlace } from './random.ts';

export type Remainder = 'drop' | 'pad';

export interface BatcherOptions {
  readonly batchSize: number;
  /** The examples to visit (a split); default all. */
  readonly indices?: Int32Array;
  /** Visit in a new seeded order each epoch (default true). */
  readonly shuffle?: boolean;
  readonly seed?: number;
  readonly remainder?: Remainder;
  /** Applied to float inputs as they are copied into the batch. */
  readonly normalization?: Normalization;
}

export interface Batch {
  /** batchSize × inputSize: floats, or token ids for token inputs. */
  readonly inputs: Float32Array | Int32Array;
  /** batchSize × targetSize: class or token ids, or values; empty when the set has no targets. */
  readonly targets: Float32Array | Int32Array;
  /** The dataset index of each row. */
  readonly indices: Int32Array;
  /** Rows holding examples new in this epoch; equals batchSize except in a padded last batch. */
  count: number;
}

export interface Batcher {
  readonly batchSize: number;
  readonly batchesPerEpoch: number;
  /** The one batch whose buffers every fill overwrites. */
  readonly batch: Batch;
  /** Sets the visiting order of an epoch; the order depends only on seed and epoch. */
  startEpoch(epoch: number): void;
  /** Fills batch `index` (0-based) of the current epoch. */
  fill(index: number): Batch;
  /** Starts the epoch and yields its batches (the same Batch object, refilled). */
  epoch(epoch: number): Generator<Batch>;
}

function createBuffers(dataset: Dataset, batchSize: number): Batch {
  const inputs = dataset.inputs.kind === 'token' ? new Int32Array(batchSize * inputSize(dataset)) : new Float32Array(batchSize * inputSize(dataset));
  const size = batchSize * targetSize(dataset);
  const targets = dataset.targets.kind === 'value' || dataset.targets.kind === 'none' ? new Float32Array(size) : new Int32Array(size);
  return { inputs, targets, indices: new Int32Array(batchSize), count: 0 };
}

function copyExample(dataset: Dataset, batch: Batch, example: number, row: number): void {
  const size = inputSize(dataset);
  const source = dataset.inputs;
  if (source.kind === 'byte') {
    const start = example * size;
    const target = batch.inputs;
    const offset = row * size;
    for (let position = 0; position < size; position++) target[offset + position] = source.values[start + position] * source.scale;
  } else {
    batch.inputs.set(source.values.subarray(example * size, (example + 1) * size), row * size);
  }
  const targets = dataset.targets;
  if (targets.kind !== 'none') {
    const perExample = targetSize(dataset);
    batch.targets.set(targets.values.subarray(example * perExample, (example + 1) * perExample), row * perExample);
  }
  batch.indices[row] = example;
}

export function createBatcher(dataset: Dataset, options: BatcherOptions): Batcher {
  const { batchSize, shuffle = true, seed = 1, remainder = 'drop', normalization } = options;
  const indices = options.indices ?? allIndices(dataset.count);
  const place = { file: dataset.name };
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new DataError(place, `batch size ${batchSize} must be a positive whole number`);
  if (indices.length === 0) throw new DataError(place, 'there are no examples to batch');
  if (remainder === 'drop' && indices.length < batchSize) {
    throw new DataError(place, `${indices.length} examples are fewer than the batch size ${batchSize}; use a batch size of at most ${indices.length}, or pad the last batch`);
  }
  if (normalization !== undefined && dataset.inputs.kind === 'token') throw new DataError(place, 'token ids cannot be normalized');
  const batchesPerEpoch = remainder === 'drop' ? Math.floor(indices.length / batchSize) : Math.ceil(indices.length / batchSize);
  const order = indices.slice();
  const batch = createBuffers(dataset, batchSize);

  function startEpoch(epoch: number): void {
    order.set(indices);
    if (shuffle) shuffleInPlace(order, createRandom(mixSeed(seed, epoch)));
  }

  function fill(index: number): Batch {
    if (!Number.isInteger(index) || index < 0 || index >= batchesPerEpoch) throw new RangeError(`batch ${index} is outside 0..${batchesPerEpoch - 1}`);
    const start = index * batchSize;
    batch.count = Math.min(batchSize, order.length - start);
    for (let row = 0; row < batchSize; row++) copyExample(dataset, batch, order[(start + row) % order.length], row);
    if (normalization !== undefined && batch.inputs instanceof Float32Array) applyNormalization(batch.inputs, normalization);
    return batch;
  }

  function* epoch(epochNumber: number): Generator<Batch> {
    startEpoch(epochNumber);
    for (let index = 0; index < batchesPerEpoch; index++) yield fill(index);
  }

  startEpoch(0);
  return { batchSize, batchesPerEpoch, batch, startEpoch, fill, epoch };
}
