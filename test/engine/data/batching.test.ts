// Seeded randomness, the train/validation split, normalization and the batcher: deterministic,
// every example exactly once per epoch, buffers reused, statistics from training data only.
import { describe, expect, it } from 'vitest';
import { createBatcher } from '../../../engine/data/batcher.ts';
import { createDataset, type Dataset } from '../../../engine/data/dataset.ts';
import { applyNormalization, fitNormalization } from '../../../engine/data/normalize.ts';
import { createRandom, mixSeed, permutation } from '../../../engine/data/random.ts';
import { splitIndices, spreadFirst } from '../../../engine/data/split.ts';
import { expectDataErrorSync } from './fixtures.ts';

/** count examples of 3 floats [i, 10i, -i], class i % 4. */
function tableDataset(count: number): Dataset {
  return createDataset({
    name: 'table',
    count,
    inputDims: [3],
    inputs: { kind: 'float', values: Float32Array.from({ length: count * 3 }, (_, index) => [1, 10, -1][index % 3] * Math.floor(index / 3)) },
    targetDims: [],
    targets: { kind: 'class', values: Int32Array.from({ length: count }, (_, index) => index % 4), classNames: ['a', 'b', 'c', 'd'] },
  });
}

const sorted = (values: Iterable<number>) => [...values].sort((a, b) => a - b);
const range = (count: number) => Array.from({ length: count }, (_, index) => index);

describe('seeded randomness', () => {
  it('repeats for a seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 8 }, createRandom(seed).next);
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(0).every((value) => value >= 0 && value < 1)).toBe(true);
    expect(mixSeed(1, 0)).not.toBe(mixSeed(1, 1));
  });

  it('has uniform and normal draws with the right moments', () => {
    const random = createRandom(7);
    const uniform = Array.from({ length: 20000 }, random.next);
    const normal = Array.from({ length: 20000 }, random.normal);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean(uniform)).toBeCloseTo(0.5, 1);
    expect(mean(normal)).toBeCloseTo(0, 1);
    expect(mean(normal.map((value) => value * value))).toBeCloseTo(1, 1);
  });

  it('permutes 0..n-1', () => {
    const order = permutation(1000, 5);
    expect(sorted(order)).toEqual(range(1000));
    expect(Array.from(order)).not.toEqual(range(1000));
    expect(permutation(1000, 5)).toEqual(order);
  });
});

describe('train/validation split', () => {
  it('splits by fraction with the seed, disjoint and complete', () => {
    const split = splitIndices(103, 0.2, 9);
    expect(split.validation.length).toBe(21);
    expect(split.train.length).toBe(82);
    expect(sorted([...split.train, ...split.validation])).toEqual(range(103));
    expect(splitIndices(103, 0.2, 9)).toEqual(split);
    expect(splitIndices(103, 0.2, 10).validation).not.toEqual(split.validation);
    expect(splitIndices(10, 0, 1).validation.length).toBe(0);
  });

  it('refuses a fraction of 1 or more', async () => {
    await expectDataErrorSync(() => splitIndices(10, 1, 1), { field: 'validationSplit' }, /must be at least 0 and below 1/);
  });
});

describe('batcher', () => {
  it('visits every example exactly once per epoch, in a new seeded order each epoch', () => {
    const dataset = tableDataset(40);
    const batcher = createBatcher(dataset, { batchSize: 8, seed: 3 });
    expect(batcher.batchesPerEpoch).toBe(5);
    const orders = [0, 1].map((epoch) => collect(batcher, epoch));
    for (const order of orders) expect(sorted(order)).toEqual(range(40));
    expect(orders[0]).not.toEqual(orders[1]);
    expect(collect(createBatcher(dataset, { batchSize: 8, seed: 3 }), 1)).toEqual(orders[1]);
    expect(collect(createBatcher(dataset, { batchSize: 8, seed: 4 }), 1)).not.toEqual(orders[1]);
  });

  it('fills inputs and targets of the examples it names, reusing one set of buffers', () => {
    const dataset = tableDataset(10);
    const batcher = createBatcher(dataset, { batchSize: 4, seed: 1 });
    const first = batcher.fill(0);
    const inputs = first.inputs;
    const second = batcher.fill(1);
    expect(second).toBe(first);
    expect(second.inputs).toBe(inputs);
    for (let row = 0; row < 4; row++) {
      const example = second.indices[row];
      expect(Array.from(second.inputs.subarray(row * 3, row * 3 + 3))).toEqual([example, 10 * example, -example]);
      expect(second.targets[row]).toBe(example % 4);
    }
  });

  it("drops the last partial batch ('drop') or pads it with the epoch's first examples ('pad')", () => {
    const dataset = tableDataset(10);
    const dropped = createBatcher(dataset, { batchSize: 4, seed: 2 });
    expect(dropped.batchesPerEpoch).toBe(2);
    expect(new Set(collect(dropped, 0)).size).toBe(8);
    const padded = createBatcher(dataset, { batchSize: 4, seed: 2, remainder: 'pad' });
    expect(padded.batchesPerEpoch).toBe(3);
    const rows: number[] = [];
    const counted: number[] = [];
    for (const batch of padded.epoch(0)) {
      rows.push(...batch.indices);
      counted.push(...batch.indices.subarray(0, batch.count));
    }
    expect(sorted(counted)).toEqual(range(10));
    expect(rows.slice(10)).toEqual(rows.slice(0, 2));
  });

  it('keeps the given order without shuffling and pads a set smaller than one batch', () => {
    const batcher = createBatcher(tableDataset(3), { batchSize: 5, shuffle: false, remainder: 'pad' });
    const batch = batcher.fill(0);
    expect(Array.from(batch.indices)).toEqual([0, 1, 2, 0, 1]);
    expect(batch.count).toBe(3);
  });

  it('batches a split only, and refuses a set smaller than a dropped batch', async () => {
    const split = splitIndices(50, 0.2, 1);
    const batcher = createBatcher(tableDataset(50), { batchSize: 10, indices: split.train, seed: 1 });
    expect(sorted(collect(batcher, 0))).toEqual(Array.from(split.train));
    await expectDataErrorSync(() => createBatcher(tableDataset(4), { batchSize: 32 }), { file: 'table' }, 'table: 4 examples are fewer than the batch size 32; use a batch size of at most 4, or pad the last batch');
  });

  it('scales byte inputs and copies per-step token targets', () => {
    const images = createDataset({
      name: 'bytes',
      count: 2,
      inputDims: [2],
      inputs: { kind: 'byte', values: Uint8Array.from([0, 255, 51, 102]), scale: 1 / 255 },
      targetDims: [2],
      targets: { kind: 'token', values: Int32Array.from([1, 0, 0, 1]) },
      vocabulary: ['x', 'y'],
    });
    const batch = createBatcher(images, { batchSize: 2, shuffle: false }).fill(0);
    expect(Array.from(batch.inputs)).toEqual([0, 1, 0.2, 0.4].map(Math.fround));
    expect(batch.targets).toEqual(Int32Array.from([1, 0, 0, 1]));
  });
});

function collect(batcher: ReturnType<typeof createBatcher>, epoch: number): number[] {
  const order: number[] = [];
  for (const batch of batcher.epoch(epoch)) order.push(...batch.indices.subarray(0, batch.count));
  return order;
}

describe('normalization', () => {
  const dataset = tableDataset(100);
  const split = splitIndices(100, 0.3, 1);

  it('standardizes per feature with training statistics only', () => {
    const normalization = fitNormalization(dataset, { type: 'standardize', per: 'feature' }, split.train);
    const batcher = createBatcher(dataset, { batchSize: split.train.length, indices: split.train, normalization });
    const values = batcher.fill(0).inputs;
    for (let feature = 0; feature < 3; feature++) {
      const column = Array.from({ length: split.train.length }, (_, row) => values[row * 3 + feature]);
      const mean = column.reduce((sum, value) => sum + value, 0) / column.length;
      const variance = column.reduce((sum, value) => sum + (value - mean) ** 2, 0) / column.length;
      expect(mean).toBeCloseTo(0, 4);
      expect(variance).toBeCloseTo(1, 3);
    }
    const trainMean = split.train.reduce((sum, example) => sum + example, 0) / split.train.length;
    expect(normalization.shift[0]).toBeCloseTo(trainMean, 4);
  });

  it('scales to [-1, 1] and applies the same map to new inputs', () => {
    const normalization = fitNormalization(dataset, { type: 'scale', range: 'symmetric', per: 'feature' }, split.train);
    const low = Math.min(...split.train);
    const high = Math.max(...split.train);
    const fresh = Float32Array.from([low, 10 * high, -low]);
    applyNormalization(fresh, normalization);
    expect(Array.from(fresh)).toEqual([-1, 1, 1].map(Math.fround));
    const unit = fitNormalization(dataset, { type: 'scale', range: 'unit' }, split.train);
    expect(unit.period).toBe(1);
    expect(unit.shift[0]).toBe(-high);
  });
});

describe('spreadFirst', () => {
  it('moves evenly spaced indices to the front and keeps every index once', () => {
    const indices = Int32Array.from({ length: 10 }, (_, index) => 100 + index);
    // Positions floor(k·10/4) = 0, 2, 5, 7 come first, then the rest in order.
    expect(Array.from(spreadFirst(indices, 4))).toEqual([100, 102, 105, 107, 101, 103, 104, 106, 108, 109]);
    expect(Array.from(spreadFirst(indices.subarray(0, 3), 8))).toEqual([100, 101, 102]);
  });
});
